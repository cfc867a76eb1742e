// ACC-04 / ACC-05 / ACC-06: when the account is not in good standing, say so, say WHY (the
// operator's reason) and which services are off.
import { Alert, Badge, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatTime, servicesOff, STANDING_COLOR } from './format.ts';
import { useStanding } from './ServiceGate.tsx';

/** `showOk`: also say so when the account is in good standing (the dashboard does). */
export function StandingBanner(props: { showOk?: boolean }) {
  const { t, i18n } = useTranslation();
  const standing = useStanding();
  const s = standing.data;
  if (!s) return null;
  if (s.standing === 'active') {
    if (!props.showOk) return null;
    return (
      <Group gap="xs">
        <Badge color="green">{t('standing.active')}</Badge>
        <Text size="sm" c="dimmed">
          {t('standing.ok')}
        </Text>
      </Group>
    );
  }
  const off = servicesOff(s.standing, s.restrictedServices);
  return (
    <Alert
      color={s.standing === 'blocked' ? 'red' : STANDING_COLOR[s.standing]}
      variant="light"
      title={t(`standing.title.${s.standing}`)}
      data-testid="standing-banner"
      data-standing={s.standing}
    >
      <Text size="sm">{t(`standing.explain.${s.standing}`)}</Text>
      {s.reason && (
        <Text size="sm" mt="xs">
          <b>{t('standing.reason')}:</b> <span data-testid="standing-reason">{s.reason}</span>
        </Text>
      )}
      {s.since && (
        <Text size="sm">
          <b>{t('standing.since')}:</b> {formatTime(s.since, i18n.language)}
        </Text>
      )}
      {off.length > 0 && (
        <>
          <Text size="sm" mt="xs" fw={700}>
            {t('standing.servicesOff')}:
          </Text>
          <List size="sm">
            {off.map((svc) => (
              <List.Item key={svc}>{t(`service.${svc}`, svc)}</List.Item>
            ))}
          </List>
        </>
      )}
      {!s.refundEligible && (
        <Text size="sm" mt="xs" fw={700}>
          {t('standing.noRefund')}
        </Text>
      )}
    </Alert>
  );
}
