// Edit a list: name, purpose text, frequency, sender name, double opt-in (never the channel).
// A change of the wording (purpose, frequency, sender) is saved by the server as the next version;
// consent already given keeps the wording it was given under (issue 13 §2).
import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifyOk } from '../../notify.ts';
import type { List } from '../../../../src/core/lists/types.ts';
import { useApi } from '../../session.tsx';
import { ListFields } from './ListFields.tsx';

/** Mounted while editing: the form starts from the list as it is then. */
export function EditListModal(props: { list: List | null; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const l = props.list;
  const initial = l
    ? { name: l.name, purposeText: l.purposeText, frequency: l.frequency, senderName: l.senderName, doubleOptIn: l.doubleOptIn }
    : null;
  const [form, setForm] = useState(initial);
  const save = useMutation({
    mutationFn: () => api.patch<List>(`/lists/${encodeURIComponent(l?.id ?? '')}`, form),
    onSuccess: (saved) => {
      notifyOk(
        saved.version !== l?.version
          ? t('lists.savedVersion', { name: saved.name, version: saved.version })
          : t('lists.savedOk', { name: saved.name }),
      );
      void client.invalidateQueries({ queryKey: ['lists'] });
      props.onClose();
    },
  });
  if (!l || !form) return null;
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => (f ? { ...f, [key]: value } : f));
  const reworded =
    form.purposeText.trim() !== l.purposeText || form.frequency.trim() !== l.frequency || form.senderName.trim() !== l.senderName;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Modal opened onClose={props.onClose} title={t('lists.editTitle', { name: l.name })} size="lg">
      <form onSubmit={submit}>
        <ListFields form={form} set={(k, v) => set(k, v as never)}>
          <Alert color={reworded ? 'yellow' : 'gray'} data-testid="version-note">
            {reworded ? t('lists.newVersionNote', { version: l.version + 1 }) : t('lists.versionNote', { version: l.version })}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('app.save')}
            </Button>
          </Group>
        </ListFields>
      </form>
    </Modal>
  );
}
