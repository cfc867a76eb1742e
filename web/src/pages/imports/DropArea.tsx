// A file drop area: native drag-and-drop events plus a file input (Mantine core has no dropzone).
// The input is visually hidden but stays in the page so keyboards, screen readers and tests can
// choose a file through it.
import { useRef, useState, type DragEvent } from 'react';
import { Button, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function DropArea(props: {
  file: File | null;
  onFile: (file: File) => void;
  accept?: string;
  /** Nothing can be chosen or dropped (the account's imports are off). */
  disabled?: boolean;
  /** Why it is disabled, as the button's tooltip. */
  hint?: string;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onDrag = (e: DragEvent<HTMLDivElement>, entering: boolean) => {
    e.preventDefault();
    e.stopPropagation();
    setOver(entering && !props.disabled);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    onDrag(e, false);
    const file = e.dataTransfer.files[0];
    if (file && !props.disabled) props.onFile(file);
  };
  return (
    <Paper
      withBorder
      p="xl"
      radius="md"
      data-testid="drop-area"
      data-over={over || undefined}
      data-disabled={props.disabled || undefined}
      onDragEnter={(e) => onDrag(e, true)}
      onDragOver={(e) => onDrag(e, true)}
      onDragLeave={(e) => onDrag(e, false)}
      onDrop={onDrop}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-color-blue-6)' : 'var(--mantine-color-gray-4)',
        background: over ? 'var(--mantine-color-blue-0)' : undefined,
        textAlign: 'center',
      }}
    >
      <Stack align="center" gap="xs">
        <Text fw={600}>{t('imports.dropHere')}</Text>
        <Text size="sm" c="dimmed">
          {t('imports.dropHint')}
        </Text>
        <Button variant="light" onClick={() => input.current?.click()} disabled={props.disabled} title={props.hint}>
          {t('imports.chooseFile')}
        </Button>
        {props.file && (
          <Text size="sm" data-testid="chosen-file">
            {t('imports.chosen', { name: props.file.name, kb: Math.max(1, Math.round(props.file.size / 1024)) })}
          </Text>
        )}
        <VisuallyHidden>
          <input
            ref={input}
            type="file"
            aria-label={t('imports.chooseFile')}
            accept={props.accept ?? '.csv,.txt,text/csv,text/plain'}
            disabled={props.disabled}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) props.onFile(file);
              e.currentTarget.value = '';
            }}
          />
        </VisuallyHidden>
      </Stack>
    </Paper>
  );
}
