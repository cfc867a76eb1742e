// REP-07 on the operator's account detail: the account's rates today and over 7 days against the
// thresholds, per campaign and sending domain, the crossings with their reasons and the campaign
// hold, which an admin lifts with a reason (a reviewer gets the API's refusal, shown as it is).
import { useState } from 'react';
import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReputationAnswer, ReputationHistoryAnswer } from '../../../../src/server/routes/reputation/shapes.ts';
import { AccountRates, Crossings, HoldNotice, RateHistory, ScopeMeasures } from '../../components/Reputation.tsx';
import { notifyOk } from '../../notify.ts';
import { useApi, useMe } from '../../session.tsx';
import { NoteModal } from './NoteModal.tsx';

/** src/core/audit/types.ts MAX_AUDIT_REASON_LENGTH. */
const MAX_REASON_LENGTH = 1000;

export function AccountReputation(props: { accountId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const me = useMe().data;
  const [lifting, setLifting] = useState(false);
  const path = `/operator/accounts/${encodeURIComponent(props.accountId)}/reputation`;
  const key = ['operator', 'reputation', props.accountId];
  const view = useQuery({ queryKey: key, queryFn: () => api.get<ReputationAnswer>(path) });
  const history = useQuery({
    queryKey: [...key, 'history'],
    queryFn: () => api.get<{ days: ReputationHistoryAnswer }>(`${path}/history?days=30`),
  });
  const lift = useMutation({
    meta: { inlineError: true },
    mutationFn: (reason: string) => api.post<{ lifted: boolean }>(`${path}/lift-hold`, { reason }),
    onSuccess: (answer) => {
      notifyOk(t(answer.lifted ? 'reputation.liftedOk' : 'reputation.noHoldToLift'));
      void client.invalidateQueries({ queryKey: key });
    },
  });
  const v = view.data;
  return (
    <Card withBorder data-testid="account-reputation">
      <Stack>
        <Title order={4}>{t('reputation.sectionTitle')}</Title>
        {v && (
          <>
            <HoldNotice hold={v.hold}>
              <Button mt="sm" size="xs" color="orange" onClick={() => setLifting(true)}>
                {t('reputation.liftHold')}
              </Button>
              {me?.user.platformRole !== 'admin' && (
                <Text size="xs" c="dimmed" mt={4}>
                  {t('reputation.adminOnly')}
                </Text>
              )}
            </HoldNotice>
            <AccountRates view={v} />
            <ScopeMeasures view={v} />
            <Crossings crossings={v.crossings} />
            {history.data && <RateHistory days={history.data.days} thresholds={v.thresholds} />}
          </>
        )}
      </Stack>
      <NoteModal
        opened={lifting}
        title={t('reputation.liftTitle')}
        explain={t('reputation.liftExplain')}
        label={t('operator.reason')}
        submitLabel={t('reputation.liftHold')}
        color="orange"
        maxLength={MAX_REASON_LENGTH}
        busy={lift.isPending}
        onClose={() => setLifting(false)}
        onSubmit={(reason) => lift.mutateAsync(reason)}
      />
    </Card>
  );
}
