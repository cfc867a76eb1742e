// The reviewer's approve / reject dialog of the review queues (imports IMP-05, campaigns CNT-02):
// a reason of at least MIN_REASON characters is required; the page sends the decision.
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type ReviewDecision = 'approve' | 'reject';
export const MIN_REASON = 3;

export function ReviewDecisionModal(props: {
  decision: ReviewDecision | null;
  /** The i18n section with decideTitle, approve, reject, approveExplain, rejectExplain, reasonHint. */
  texts: 'importReview' | 'campaignReview';
  name: string;
  maxLength?: number;
  busy: boolean;
  onClose: () => void;
  /** Sends the decision; resolves when it was taken (the dialog then closes). */
  onSubmit: (decision: ReviewDecision, reason: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const d = props.decision;
  const close = () => {
    setReason('');
    setTouched(false);
    props.onClose();
  };
  const tooShort = reason.trim().length < MIN_REASON;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!d || tooShort) return;
    props.onSubmit(d, reason.trim()).then(close, () => undefined);
  };
  const label = d === 'reject' ? t(`${props.texts}.reject`) : t(`${props.texts}.approve`);
  return (
    <Modal opened={d !== null} onClose={close} title={t(`${props.texts}.decideTitle`, { action: label, name: props.name })}>
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">{d === 'reject' ? t(`${props.texts}.rejectExplain`) : t(`${props.texts}.approveExplain`)}</Text>
          <Textarea
            label={t('operator.reason')}
            description={t(`${props.texts}.reasonHint`)}
            required
            autosize
            minRows={3}
            maxLength={props.maxLength}
            data-autofocus
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={touched && tooShort ? t('auth.required') : undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" color={d === 'reject' ? 'red' : 'green'} loading={props.busy}>
              {label}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
