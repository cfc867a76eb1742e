// IMP-01: where the addresses came from. The accepted sources can be chosen; the refused ones
// are listed as refused, each with the clause of the anti-spam policy it breaks (policy/imports.ts
// is the one source of both lists). The attestation is its own box, never ticked in advance.
import { Badge, Card, Checkbox, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PolicyClause } from '../../components/PolicyClause.tsx';
import {
  ALLOWED_SOURCES,
  MIN_SOURCE_DESCRIPTION_LENGTH,
  REFUSED_SOURCES,
  type ImportSource,
} from '../../../../policy/imports.ts';

export interface Declaration {
  source: ImportSource | null;
  description: string;
  attest: boolean;
}

export function Provenance(props: { value: Declaration; onChange: (d: Declaration) => void; touched: boolean }) {
  const { t } = useTranslation();
  const d = props.value;
  const refused = Object.entries(REFUSED_SOURCES) as Array<[keyof typeof REFUSED_SOURCES, string]>;
  const descriptionShort = d.source === 'other' && d.description.trim().length < MIN_SOURCE_DESCRIPTION_LENGTH;
  return (
    <Stack>
      <Radio.Group
        label={t('imports.sourceLabel')}
        description={t('imports.sourceHint')}
        required
        value={d.source ?? ''}
        onChange={(v) => props.onChange({ ...d, source: v as ImportSource })}
        error={props.touched && !d.source ? t('imports.sourceRequired') : undefined}
      >
        <Stack gap={6} mt="xs">
          {ALLOWED_SOURCES.map((s) => (
            <Radio key={s} value={s} label={t(`imports.source.${s}`)} />
          ))}
        </Stack>
      </Radio.Group>
      {d.source === 'other' && (
        <Textarea
          label={t('imports.sourceDescription')}
          description={t('imports.sourceDescriptionHint', { min: MIN_SOURCE_DESCRIPTION_LENGTH })}
          required
          autosize
          minRows={2}
          value={d.description}
          onChange={(e) => props.onChange({ ...d, description: e.currentTarget.value })}
          error={
            props.touched && descriptionShort
              ? t('imports.sourceDescriptionShort', { min: MIN_SOURCE_DESCRIPTION_LENGTH })
              : undefined
          }
        />
      )}
      <Card withBorder bg="var(--mantine-color-red-0)" data-testid="refused-sources">
        <Text fw={600} size="sm">
          {t('imports.refusedTitle')}
        </Text>
        <Text size="xs" c="dimmed" mb="xs">
          {t('imports.refusedHint')}
        </Text>
        <Stack gap={6}>
          {refused.map(([s, clause]) => (
            <div key={s}>
              <Text size="sm">
                <Badge color="red" size="xs" mr="xs">
                  {t('imports.refused')}
                </Badge>
                {t(`imports.source.${s}`)}
              </Text>
              <Text size="xs" c="dimmed" ml="md">
                <PolicyClause clause={clause} />
              </Text>
            </div>
          ))}
        </Stack>
      </Card>
      <Checkbox
        label={t('imports.attest')}
        checked={d.attest}
        onChange={(e) => props.onChange({ ...d, attest: e.currentTarget.checked })}
        error={props.touched && !d.attest ? t('imports.attestRequired') : undefined}
        data-testid="attest"
      />
    </Stack>
  );
}
