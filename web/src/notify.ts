// Error and success notifications. An ApiError shows the catalogue's sentence for its code
// (`errors.<CODE>`, src/core/error-codes.ts) and what to do (`errorActions.<CODE>`), under a title
// by the error's kind; the code stays visible, small, for support (components/errors.ts).
import { createElement } from 'react';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { describeError, errorSentence } from './components/errors.ts';

export function notifyError(err: unknown, t: TFunction): void {
  const v = describeError(err, t);
  const lines = [v.message, v.action];
  if (v.fields.length > 0) lines.push(t('errorFields.fieldsToCheck', { fields: v.fields.map((f) => f.field).join('; ') }));
  notifications.show({
    color: 'red',
    title: v.title,
    message: createElement(
      'div',
      { 'data-testid': 'error-notification', 'data-code': v.code ?? '' },
      ...lines.filter((l) => l).map((l, i) => createElement('div', { key: i }, l)),
      v.code &&
        createElement(
          'div',
          { key: 'code', style: { fontSize: 11, opacity: 0.7, marginTop: 4 } },
          `${t('errorFields.code')}: ${v.code}`,
        ),
    ),
  });
}

export function notifyOk(message: string): void {
  notifications.show({ color: 'green', message });
}

/** The error as one sentence in the user's language (what happened, what to do, which fields). */
export function errorMessage(err: unknown, t: TFunction): string {
  return errorSentence(err, t);
}
