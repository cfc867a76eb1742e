// Operator console: one account, its history, and the standing actions (ACC-04, ACC-05) and
// signup review decisions (ACC-02).
import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatTime, servicesOff, STANDING_COLOR } from '../../components/format.ts';
import { notifyOk } from '../../notify.ts';
import { useApi } from '../../session.tsx';
import type { AccountView as AccountDetails } from '../../../../src/core/accounts/views.ts';
import type { RestrictableService as Service } from '../../../../src/core/standing/ports.ts';
import type { AuditEntryAnswer as AuditEntry, OperatorAccount } from '../../../../src/server/routes/operator/shapes.ts';
import { PolicyClause } from '../../components/PolicyClause.tsx';
import { AccountReputation } from './AccountReputation.tsx';
import { ActionModal, type OperatorAction } from './ActionModal.tsx';
import { AuditTable } from './AuditTable.tsx';
import { useIndustryName } from './industry.ts';
import { OperatorOnly } from './OperatorOnly.tsx';

type Detail = OperatorAccount & Partial<AccountDetails> & { history: AuditEntry[] };
const STANDING_ACTIONS: OperatorAction[] = ['warn', 'restrict', 'suspend', 'block', 'reinstate'];

export function OperatorAccountDetail() {
  return (
    <OperatorOnly>
      <DetailView />
    </OperatorOnly>
  );
}

function DetailView() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const industryName = useIndustryName();
  const id = useParams().id ?? '';
  const path = `/operator/accounts/${encodeURIComponent(id)}`;
  const detail = useQuery({ queryKey: ['operator', 'account', id], queryFn: () => api.get<Detail>(path) });
  const [action, setAction] = useState<OperatorAction | null>(null);

  const act = useMutation({
    mutationFn: (input: { action: OperatorAction; reason: string; services: Service[] }) =>
      input.action === 'approve' || input.action === 'refuse'
        ? api.post<unknown>(`${path}/signup-review`, { decision: input.action, reason: input.reason })
        : api.post<unknown>(`${path}/standing`, {
            action: input.action,
            reason: input.reason,
            ...(input.action === 'restrict' ? { services: input.services } : {}),
          }),
    onSuccess: (_answer, input) => {
      notifyOk(t('operator.done', { action: t(`operator.${input.action}`) }));
      setAction(null);
      void client.invalidateQueries({ queryKey: ['operator'] });
    },
  });

  const a = detail.data;
  if (!a) return null;
  const off = servicesOff(a.standing, a.restrictedServices);
  return (
    <Stack>
      <Anchor component={Link} to="/operator/accounts" size="sm">
        ← {t('app.back')}
      </Anchor>
      <Group>
        <Title order={2}>{t('operator.detailTitle', { name: a.name })}</Title>
        <Badge size="lg" color={STANDING_COLOR[a.standing]} data-testid="operator-standing">
          {t(`standing.${a.standing}`)}
        </Badge>
        {a.review !== 'none' && (
          <Badge size="lg" color={a.review === 'pending' ? 'yellow' : 'red'} variant="light">
            {t(`review.${a.review}`, a.review)}
          </Badge>
        )}
      </Group>
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Field label={t('operator.owner')} value={a.ownerEmail ?? '—'} />
          <Field label={t('operator.created')} value={formatTime(a.createdAt, i18n.language)} />
          <Field label={t('operator.industry')} value={industryName(a.industry) ?? t('operator.industryUnknown')} />
          <Field label={t('operator.postalAddress')} value={a.postalAddress} />
          <Field label={t('operator.declaredSending')} value={a.declaredSending} />
          <Field
            label={t('operator.refundEligible')}
            value={a.refundEligible === undefined ? undefined : a.refundEligible ? t('app.yes') : t('app.no')}
          />
          <Field
            label={t('standing.servicesOff')}
            value={off.length ? off.map((s) => t(`service.${s}`, s)).join(', ') : t('app.none')}
          />
        </SimpleGrid>
      </Card>
      {a.review === 'pending' && (
        <Alert color="yellow" title={t('review.pending')}>
          {a.reviewReason && (
            <Text size="sm">
              <PolicyClause clause={a.reviewReason} />
            </Text>
          )}
          <Group mt="xs">
            <Button color="green" onClick={() => setAction('approve')}>
              {t('operator.approve')}
            </Button>
            <Button color="red" variant="light" onClick={() => setAction('refuse')}>
              {t('operator.refuse')}
            </Button>
          </Group>
        </Alert>
      )}
      <Title order={4}>{t('operator.actions')}</Title>
      <Group>
        {STANDING_ACTIONS.map((s) => (
          <Button
            key={s}
            variant={s === 'block' ? 'filled' : 'light'}
            color={s === 'block' || s === 'suspend' ? 'red' : s === 'reinstate' ? 'green' : 'orange'}
            onClick={() => setAction(s)}
          >
            {t(`operator.${s}`)}
          </Button>
        ))}
      </Group>
      <AccountReputation accountId={a.id} />
      <Title order={4}>{t('operator.history')}</Title>
      <AuditTable entries={a.history} />
      <ActionModal
        key={action ?? 'none'}
        action={action}
        accountName={a.name}
        busy={act.isPending}
        onClose={() => setAction(null)}
        onSubmit={(input) => action && act.mutate({ action, ...input })}
      />
    </Stack>
  );
}

function Field(props: { label: string; value: string | undefined }) {
  if (props.value === undefined) return null;
  return (
    <div>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {props.value}
      </Text>
    </div>
  );
}
