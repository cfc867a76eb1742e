// The frame of the signed-out pages: the logo (a link to the public site), a narrow card and the
// language switcher.
import type { ReactNode } from 'react';
import { Box, Container, Group, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { LOGO_URL } from '../theme.ts';

export function PublicPage(props: { title: string; children: ReactNode; width?: number }) {
  const { t } = useTranslation();
  return (
    <Container size={props.width ?? 460} py="xl">
      <Group justify="space-between" mb="md" wrap="nowrap" align="flex-start">
        <Box style={{ flex: 1, minWidth: 0 }}>
          <a href="/" style={{ display: 'inline-flex' }}>
            <img src={LOGO_URL} alt={t('app.name')} width={120} height={32} />
          </a>
          <Text size="xs" c="dimmed">
            {t('app.tagline')}
          </Text>
        </Box>
        <Box style={{ flexShrink: 0 }}>
          <LanguageSwitcher />
        </Box>
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
