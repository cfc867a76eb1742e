// The frame of the signed-out pages: a narrow card with the language switcher.
import type { ReactNode } from 'react';
import { Container, Group, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';

export function PublicPage(props: { title: string; children: ReactNode; width?: number }) {
  const { t } = useTranslation();
  return (
    <Container size={props.width ?? 460} py="xl">
      <Group justify="space-between" mb="md">
        <div>
          <Text fw={700} size="lg">
            {t('app.name')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('app.tagline')}
          </Text>
        </div>
        <LanguageSwitcher />
      </Group>
      <Paper withBorder shadow="sm" p="lg" radius="md">
        <Title order={2} mb="md">
          {props.title}
        </Title>
        {props.children}
      </Paper>
    </Container>
  );
}
