// Every standing change and review decision asks for a reason (ACC-04: actor, reason, time are
// audited); a restriction also names the services it switches off.
import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RESTRICTABLE_SERVICES as SERVICES, type RestrictableService as Service } from '../../../../src/core/standing/ports.ts';

export type OperatorAction = 'warn' | 'restrict' | 'suspend' | 'block' | 'reinstate' | 'approve' | 'refuse';

export function ActionModal(props: {
  action: OperatorAction | null;
  accountName: string;
  busy: boolean;
  onClose: () => void;
  onSubmit: (input: { reason: string; services: Service[] }) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [services, setServices] = useState<Service[]>([]);
  const [touched, setTouched] = useState(false);
  const action = props.action;
  const label = action ? t(`operator.${action}`) : '';
  const needsServices = action === 'restrict';

  const close = () => {
    setReason('');
    setServices([]);
    setTouched(false);
    props.onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!reason.trim() || (needsServices && services.length === 0)) return;
    props.onSubmit({ reason: reason.trim(), services });
  };

  return (
    <Modal opened={action !== null} onClose={close} title={t('operator.actionTitle', { action: label, name: props.accountName })}>
      <form onSubmit={submit}>
        <Stack>
          <Textarea
            label={t('operator.reason')}
            description={t('operator.reasonHint')}
            required
            autosize
            minRows={3}
            data-autofocus
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={touched && !reason.trim() ? t('auth.required') : undefined}
          />
          {needsServices && (
            <Checkbox.Group
              label={t('operator.servicesToRestrict')}
              value={services}
              onChange={(v) => setServices(v as Service[])}
              error={touched && services.length === 0 ? t('operator.pickService') : undefined}
            >
              <Stack gap={4} mt={4}>
                {SERVICES.map((s) => (
                  <Checkbox key={s} value={s} label={t(`service.${s}`)} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          {action === 'block' && (
            <Text size="sm" c="red">
              {t('standing.explain.blocked')} {t('standing.noRefund')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('app.cancel')}
            </Button>
            <Button
              type="submit"
              color={action === 'block' || action === 'suspend' || action === 'refuse' ? 'red' : 'blue'}
              loading={props.busy}
            >
              {label}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
