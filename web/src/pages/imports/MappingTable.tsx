// Column mapping with a preview: which CSV column feeds which contact or consent-evidence field.
// The server proposes the mapping (Mailchimp exports map themselves: "Email Address",
// OPTIN_TIME, CONFIRM_IP …); the customer can change any of it. Unmapped columns are ignored.
import { Badge, Group, ScrollArea, Select, SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, type ImportField } from '../../../../src/core/imports/mapping.ts';
import type { ImportPreview } from '../../../../src/core/imports/service.ts';

export type Mapping = Partial<Record<ImportField, string>>;

const CONSENT_FIELDS: ReadonlySet<ImportField> = new Set(['optinTime', 'optinIp', 'confirmTime', 'confirmIp', 'consentSource']);

export function MappingTable(props: { preview: ImportPreview; mapping: Mapping; onChange: (m: Mapping) => void }) {
  const { t } = useTranslation();
  const { preview, mapping } = props;
  const columns = preview.header.map((h, i) => ({ value: h, label: h || t('imports.columnN', { n: i + 1 }) }));
  const fieldOf = (column: string) => IMPORT_FIELDS.find((f) => mapping[f] === column);
  const setField = (field: ImportField, column: string | null) => {
    const next: Mapping = { ...mapping };
    // One column feeds one field: taking a column away from another field.
    for (const f of IMPORT_FIELDS) if (column && next[f] === column) delete next[f];
    if (column) next[field] = column;
    else delete next[field];
    props.onChange(next);
  };
  return (
    <>
      <Group gap="xs">
        <Badge variant="outline">
          {t('imports.encoding')}: {preview.encoding}
        </Badge>
        <Badge variant="outline">
          {t('imports.delimiter')}: {preview.delimiter === '\t' ? 'TAB' : preview.delimiter}
        </Badge>
        {!preview.hasHeader && <Badge color="orange">{t('imports.noHeader')}</Badge>}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="xs" data-testid="mapping">
        {IMPORT_FIELDS.map((f) => (
          <Select
            key={f}
            label={t(`imports.field.${f}`)}
            description={CONSENT_FIELDS.has(f) ? t('imports.consentEvidence') : undefined}
            placeholder={t('imports.notMapped')}
            data={columns}
            value={mapping[f] ?? null}
            onChange={(v) => setField(f, v)}
            clearable
            required={f === 'email'}
            error={f === 'email' && !mapping.email ? t('imports.emailRequired') : undefined}
          />
        ))}
      </SimpleGrid>
      <Text size="sm" fw={600}>
        {t('imports.previewTitle', { n: preview.rows.length })}
      </Text>
      <ScrollArea>
        <Table striped withTableBorder withColumnBorders data-testid="preview">
          <Table.Thead>
            <Table.Tr>
              {preview.header.map((h, i) => {
                const f = fieldOf(h);
                return (
                  <Table.Th key={i}>
                    <Text size="xs" ff="monospace">
                      {h}
                    </Text>
                    {f ? (
                      <Badge size="xs" color={CONSENT_FIELDS.has(f) ? 'teal' : 'blue'}>
                        {t(`imports.field.${f}`)}
                      </Badge>
                    ) : (
                      <Badge size="xs" color="gray" variant="outline">
                        {t('imports.ignored')}
                      </Badge>
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((r, i) => (
              <Table.Tr key={i}>
                {preview.header.map((_, j) => (
                  <Table.Td key={j}>
                    <Text size="xs">{r[j] ?? ''}</Text>
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </>
  );
}
