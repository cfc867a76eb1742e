import type { ReactNode } from 'react';
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../session.tsx';

/** ACC-03: the console is for platform operators; the server checks too. */
export function OperatorOnly(props: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me?.user.platformRole) return <Alert color="red">{t('operator.notOperator')}</Alert>;
  return <>{props.children}</>;
}
