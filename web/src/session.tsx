// The API client and the signed-in user, shared through React context.
import { createContext, useContext, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, type Api } from './api.ts';
import type { MeView as Me } from '../../src/core/accounts/views.ts';

const ApiContext = createContext<Api | null>(null);

export function ApiProvider(props: { api: Api; children: ReactNode }) {
  return <ApiContext.Provider value={props.api}>{props.children}</ApiContext.Provider>;
}

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}

export const ME_KEY = ['me'] as const;

/** The signed-in user (null when nobody is signed in). */
export function useMe() {
  const api = useApi();
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api.get<Me>('/me');
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    retry: false,
    staleTime: 30_000,
  });
}

/** After login, logout or an account switch: new session, new CSRF token, fresh data. */
export function useSessionChanged() {
  const api = useApi();
  const client = useQueryClient();
  return (me: Me | null) => {
    api.resetCsrf();
    client.clear();
    client.setQueryData(ME_KEY, me);
  };
}
