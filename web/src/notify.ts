// Error and success notifications. An ApiError shows the catalogue's text for its code
// (`errors.<CODE>`, src/core/error-codes.ts) when the catalogue has one, else the server's own
// message (it is written for people), with the code as the title.
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { ApiError } from './api.ts';
import { isErrorCode, messageKey } from '../../src/core/error-codes.ts';

export function notifyError(err: unknown, t: TFunction): void {
  if (err instanceof ApiError) {
    notifications.show({ color: 'red', title: err.code, message: errorMessage(err, t) });
  } else {
    notifications.show({ color: 'red', title: t('app.error'), message: t('app.unexpected') });
  }
}

export function notifyOk(message: string): void {
  notifications.show({ color: 'green', message });
}

export function errorMessage(err: unknown, t: TFunction): string {
  if (!(err instanceof ApiError)) return t('app.unexpected');
  return isErrorCode(err.code) ? t(messageKey(err.code), { defaultValue: err.message }) : err.message;
}
