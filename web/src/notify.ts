// Error and success notifications. An ApiError shows the server's own message (it is written
// for people) with its code as the title.
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { ApiError } from './api.ts';

export function notifyError(err: unknown, t: TFunction): void {
  if (err instanceof ApiError) {
    notifications.show({ color: 'red', title: err.code, message: err.message });
  } else {
    notifications.show({ color: 'red', title: t('app.error'), message: t('app.unexpected') });
  }
}

export function notifyOk(message: string): void {
  notifications.show({ color: 'green', message });
}

export function errorMessage(err: unknown, t: TFunction): string {
  return err instanceof ApiError ? err.message : t('app.unexpected');
}
