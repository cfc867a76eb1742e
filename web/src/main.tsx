import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './look.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router-dom';
import { createApi } from './api.ts';
import { App } from './App.tsx';
import { createI18n, pickLanguage } from './i18n/index.ts';
import { notifyError } from './notify.ts';
import { ApiProvider } from './session.tsx';
import { theme } from './theme.ts';

// The language chosen on the public site (the server marks index.html), else the browser's.
const chosen = document.documentElement.dataset.chosen;
const i18n = createI18n(pickLanguage(chosen ? [chosen] : (navigator.languages ?? [navigator.language])));
const api = createApi();
const queryClient = new QueryClient({
  // Failed loads and actions surface the server's {error:{code,message}} as a notification.
  queryCache: new QueryCache({ onError: (err) => notifyError(err, i18n.t) }),
  // Forms that show the error next to their fields set meta.inlineError.
  mutationCache: new MutationCache({
    onError: (err, _vars, _ctx, mutation) => {
      if (!mutation.meta?.inlineError) notifyError(err, i18n.t);
    },
  }),
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <MantineProvider theme={theme} defaultColorScheme="light">
          <Notifications position="top-right" />
          <QueryClientProvider client={queryClient}>
            <ApiProvider api={api}>
              <BrowserRouter basename="/app">
                <App />
              </BrowserRouter>
            </ApiProvider>
          </QueryClientProvider>
        </MantineProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}
