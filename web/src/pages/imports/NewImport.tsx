// A new import: drop the CSV, check the column mapping against a preview of the first rows,
// declare the source and attest (IMP-01), pick the target lists (consent is per purpose, IMP-02),
// then upload. The fields go before the file so a refused declaration stores nothing.
import { useRef, useState } from 'react';
import { Alert, Anchor, Button, Card, Group, Loader, MultiSelect, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { IMPORT_REVIEW_ROW_THRESHOLD } from '../../../../policy/imports.ts';
import { MAX_IMPORT_BYTES, PREVIEW_UPLOAD_BYTES } from '../../../../src/core/imports/limits.ts';
import { ApiError } from '../../api.ts';
import type { ImportPreview } from '../../../../src/core/imports/service.ts';
import type { ImportView } from '../../../../src/server/routes/imports/shapes.ts';
import { useApi } from '../../session.tsx';
import { useLists } from '../Lists.tsx';
import { PolicyClause } from '../../components/PolicyClause.tsx';
import { ServiceNotice, useService } from '../../components/ServiceGate.tsx';
import { DropArea } from './DropArea.tsx';
import { FailureAlert, fileTooLarge } from './failure.tsx';
import { MappingTable, type Mapping } from './MappingTable.tsx';
import { Provenance, type Declaration } from './Provenance.tsx';

/** The encodings the server reads (src/core/imports/encoding.ts IMPORT_ENCODINGS); '' = detect. */
const ENCODINGS = ['utf-8', 'windows-1252', 'iso-8859-2', 'windows-1250', 'iso-8859-15', 'iso-8859-16', 'utf-16le', 'utf-16be'];

export function NewImport() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  // Reached by its address while imports are off: the notice says why, nothing can be sent.
  const gate = useService('imports');
  const lists = useLists();
  const emailLists = (lists.data ?? []).filter((l) => l.channel === 'email' && !l.archivedAt);
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [declaration, setDeclaration] = useState<Declaration>({ source: null, description: '', attest: false });
  const [listIds, setListIds] = useState<string[]>([]);
  const [consentDate, setConsentDate] = useState('');
  const [touched, setTouched] = useState(false);

  // Only the answer for the latest choice counts: an earlier, slower answer does not replace it.
  const latestPreview = useRef(0);
  const previewFile = useMutation({
    meta: { inlineError: true },
    mutationFn: async (input: { file: File; encoding: string | null; seq: number }) => {
      // Refused here, before a byte is sent: the server would refuse it the same way (413).
      if (input.file.size > MAX_IMPORT_BYTES) return Promise.reject(fileTooLarge());
      const form = new FormData();
      if (input.encoding) form.append('encoding', input.encoding);
      // The preview needs only the head: a big file is not sent twice.
      form.append('file', input.file.slice(0, PREVIEW_UPLOAD_BYTES), input.file.name);
      return { seq: input.seq, answer: await api.upload<ImportPreview>('/imports/preview', form) };
    },
    onSuccess: ({ seq, answer }) => {
      if (seq !== latestPreview.current) return;
      setPreview(answer);
      setMapping(answer.mapping);
    },
    onError: () => setPreview(null),
  });
  const runPreview = (f: File, enc: string | null) =>
    previewFile.mutate({ file: f, encoding: enc, seq: ++latestPreview.current });
  const choose = (f: File) => {
    setFile(f);
    setPreview(null);
    runPreview(f, encoding);
  };

  const start = useMutation({
    meta: { inlineError: true },
    mutationFn: (allowDuplicate: boolean) => {
      const form = new FormData();
      form.append('source', declaration.source ?? '');
      if (declaration.source === 'other') form.append('sourceDescription', declaration.description.trim());
      form.append('attest', declaration.attest ? 'true' : 'false');
      form.append('listIds', JSON.stringify(listIds));
      form.append('mapping', JSON.stringify(mapping));
      if (encoding) form.append('encoding', encoding);
      if (consentDate.trim()) form.append('consentDate', consentDate.trim());
      if (allowDuplicate) form.append('allowDuplicate', 'true');
      form.append('file', file!, file!.name);
      return api.upload<ImportView>('/imports', form);
    },
    onSuccess: (rec) => void navigate(`/imports/${encodeURIComponent(rec.id)}`),
  });
  const submit = (allowDuplicate = false) => {
    setTouched(true);
    if (!file || !declaration.source || !declaration.attest || listIds.length === 0 || !mapping.email) return;
    start.mutate(allowDuplicate);
  };
  const err = start.error instanceof ApiError ? start.error : null;

  return (
    <Stack>
      <Anchor component={Link} to="/imports" size="sm">
        ← {t('app.back')}
      </Anchor>
      <Title order={2}>{t('imports.newTitle')}</Title>
      <ServiceNotice service="imports" />
      <Alert color="blue" variant="light">
        {t('imports.reviewNotice', { n: IMPORT_REVIEW_ROW_THRESHOLD })}
      </Alert>

      <Card withBorder>
        <Title order={4} mb="xs">
          {t('imports.step1')}
        </Title>
        <DropArea file={file} onFile={choose} disabled={!gate.allowed} hint={gate.hint} />
        <Group mt="xs" align="end">
          <Select
            label={t('imports.encoding')}
            placeholder={t('imports.detect')}
            data={ENCODINGS}
            value={encoding}
            clearable
            w={220}
            onChange={(v) => {
              setEncoding(v);
              if (file) runPreview(file, v);
            }}
          />
        </Group>
        {previewFile.isPending && (
          <Group mt="xs" gap="xs" role="status" aria-live="polite" data-testid="preview-busy">
            <Loader size="sm" />
            <Text size="sm">{t('imports.previewing')}</Text>
          </Group>
        )}
        {previewFile.error && (
          <FailureAlert error={previewFile.error} title={t('imports.failure.previewTitle')} testId="preview-error" />
        )}
      </Card>

      {preview && (
        <Card withBorder>
          <Title order={4} mb="xs">
            {t('imports.step2')}
          </Title>
          <Stack>
            <MappingTable preview={preview} mapping={mapping} onChange={setMapping} />
            <TextInput
              label={t('imports.consentDate')}
              description={t('imports.consentDateHint')}
              placeholder="2026-03-14"
              value={consentDate}
              onChange={(e) => setConsentDate(e.currentTarget.value)}
              w={360}
            />
          </Stack>
        </Card>
      )}

      {preview && (
        <Card withBorder>
          <Title order={4} mb="xs">
            {t('imports.step3')}
          </Title>
          <Stack>
            <Provenance value={declaration} onChange={setDeclaration} touched={touched} />
            <MultiSelect
              label={t('imports.lists')}
              description={t('imports.listsHint')}
              required
              data={emailLists.map((l) => ({ value: l.id, label: l.name }))}
              value={listIds}
              onChange={setListIds}
              error={touched && listIds.length === 0 ? t('imports.listsRequired') : undefined}
            />
            {start.error && (
              <FailureAlert error={start.error} title={t('imports.failure.uploadTitle')} testId="import-error">
                {typeof err?.details?.clause === 'string' && (
                  <Text size="sm" mt="xs">
                    <b>{t('imports.clause')}:</b> <PolicyClause clause={err.details.clause} />
                  </Text>
                )}
                {err?.code === 'IMPORT_DUPLICATE_FILE' && (
                  <Group mt="xs">
                    <Button size="xs" variant="light" onClick={() => submit(true)} disabled={!gate.allowed}>
                      {t('imports.importAnyway')}
                    </Button>
                  </Group>
                )}
              </FailureAlert>
            )}
            <Group>
              <Button
                size="md"
                onClick={() => submit()}
                loading={start.isPending}
                disabled={!file || !gate.allowed}
                title={gate.hint}
              >
                {t('imports.start')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
