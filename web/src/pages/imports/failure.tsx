// Why an upload, a preview or an import failed, as a sentence in the user's language with what to
// do (issue 13 §3): network trouble, a file too big, a file that is not CSV or not readable in the
// chosen encoding, a server error. The code stays visible, small, for support.
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MAX_IMPORT_BYTES } from '../../../../src/core/imports/limits.ts';
import { ApiError } from '../../api.ts';
import { errorSentence } from '../../components/errors.ts';

const mb = (bytes: unknown) => Math.round((typeof bytes === 'number' ? bytes : MAX_IMPORT_BYTES) / 1024 / 1024);

/** The error a page shows when a chosen file is over the upload limit before anything is sent. */
export const fileTooLarge = (): ApiError =>
  new ApiError(413, 'IMPORT_TOO_LARGE', 'The file is larger than the upload limit.', { maxBytes: MAX_IMPORT_BYTES });

/** The sentence for an error (an ApiError, or a network failure: fetch rejects with a TypeError). */
export function failureSentence(err: unknown, t: TFunction): string {
  if (!(err instanceof ApiError)) return t('imports.failure.network');
  const line = typeof err.details?.line === 'number' ? err.details.line : null;
  switch (err.code) {
    case 'IMPORT_TOO_LARGE':
      return t('imports.failure.tooLarge', { mb: mb(err.details?.maxBytes) });
    case 'IMPORT_STORAGE_FULL':
      return t('imports.failure.storageFull');
    case 'IMPORT_NOT_CSV':
      return t('imports.failure.notCsv');
    case 'IMPORT_EMPTY':
    case 'IMPORT_NO_ROWS':
      return t('imports.failure.empty');
    case 'IMPORT_MALFORMED':
    case 'IMPORT_ROW_TOO_LONG':
      return line === null ? t('imports.failure.malformedNoLine') : t('imports.failure.malformed', { line });
    case 'IMPORT_TOO_MANY_COLUMNS':
      return t('imports.failure.tooManyColumns', { max: err.details?.maxColumns ?? 200 });
    case 'IMPORT_ENCODING_UNSUPPORTED':
      return t('imports.failure.encoding');
    case 'IMPORT_DUPLICATE_FILE':
      return t('imports.failure.duplicate');
    case 'IMPORT_NOT_FOUND':
      return t('imports.failure.notFound');
  }
  // A proxy's 413 comes without our error body.
  if (err.status === 413) return t('imports.failure.tooLarge', { mb: mb(undefined) });
  if (err.status >= 500) return t('imports.failure.server');
  // Other codes (a standing refusal, a bad field): the catalogue's sentence, what to do, the fields.
  return errorSentence(err, t);
}

/** The failure shown on the page: a title, the sentence and, small, the code. */
export function FailureAlert(props: { error: unknown; title: string; testId: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const code = props.error instanceof ApiError ? props.error.code : 'NETWORK';
  return (
    <Alert color="red" mt="xs" title={props.title} data-testid={props.testId} data-code={code}>
      <Text size="sm">{failureSentence(props.error, t)}</Text>
      {props.children}
      <Text size="xs" c="dimmed" mt={4}>
        {t('imports.failure.code', { code })}
      </Text>
    </Alert>
  );
}
