// A decision that needs the operator's note (complaint confirm/dismiss, incident close, hold lift):
// like ReviewDecisionModal, a note of at least MIN_REASON characters is required; the API's
// refusal (e.g. OPERATOR_ONLY for a reviewer lifting a hold) is shown in the dialog.
import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../notify.ts';
import { ApiError } from '../../api.ts';
import { MIN_REASON } from './ReviewDecisionModal.tsx';

export function NoteModal(props: {
  opened: boolean;
  title: string;
  explain: string;
  label: string;
  submitLabel: string;
  color: string;
  maxLength?: number;
  busy: boolean;
  onClose: () => void;
  /** Sends the decision; resolves when it was taken (the dialog then closes). */
  onSubmit: (note: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const close = () => {
    setNote('');
    setTouched(false);
    setFailure(null);
    props.onClose();
  };
  const tooShort = note.trim().length < MIN_REASON;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (tooShort) return;
    setFailure(null);
    props.onSubmit(note.trim()).then(close, (err: unknown) => setFailure(err));
  };
  return (
    <Modal opened={props.opened} onClose={close} title={props.title}>
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">{props.explain}</Text>
          <Textarea
            label={props.label}
            required
            autosize
            minRows={3}
            maxLength={props.maxLength}
            data-autofocus
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={touched && tooShort ? t('auth.required') : undefined}
          />
          {failure !== null && (
            <Alert color="red" title={failure instanceof ApiError ? failure.code : t('app.error')} data-testid="note-error">
              {errorMessage(failure, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" color={props.color} loading={props.busy}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
