// The form fields of an import upload (multipart/form-data), validated with one strict schema:
// unknown fields are refused (400). Fields must come before the file so the declaration can be
// refused before a single byte of the file is stored (IMP-01).
import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { invalid } from '../../../core/errors.ts';
import { assertCleanText } from '../../../core/text.ts';
import { IMPORT_ENCODINGS } from '../../../core/imports/encoding.ts';
import { ColumnMappingSchema } from '../../../core/imports/mapping.ts';
import { DELIMITERS } from '../../../core/imports/csv-reader.ts';

/** Longest single form field (a mapping JSON, a description). */
export const MAX_IMPORT_FIELD_BYTES = 16 * 1024;
export const MAX_IMPORT_FIELDS = 20;

const bool = z
  .enum(['true', 'false', 'on', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === 'on' || v === '1' || v === 'yes');

export const ImportFieldsSchema = z
  .object({
    source: z.string().min(1).max(50),
    sourceDescription: z.string().max(2_000).optional(),
    attest: bool.optional(),
    listIds: z
      .string()
      .min(1)
      .max(4_000)
      .transform((v) =>
        v.trim().startsWith('[')
          ? z.array(z.string()).parse(JSON.parse(v))
          : v
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
      ),
    mapping: z
      .string()
      .max(MAX_IMPORT_FIELD_BYTES)
      .transform((v) => ColumnMappingSchema.parse(JSON.parse(v)))
      .optional(),
    encoding: z.enum(IMPORT_ENCODINGS).optional(),
    consentDate: z.string().max(40).optional(),
    allowDuplicate: bool.optional(),
  })
  .strict();
export type ImportFields = z.infer<typeof ImportFieldsSchema>;

export const PreviewFieldsSchema = z
  .object({ encoding: z.enum(IMPORT_ENCODINGS).optional(), delimiter: z.enum(DELIMITERS).optional() })
  .strict();

export function parseFields<T>(schema: z.ZodType<T>, raw: Record<string, string>): T {
  assertCleanText(raw, 'field'); // SEC-06, as for every other body (src/server/clean-text.ts)
  try {
    const parsed = schema.parse(raw);
    assertCleanText(parsed, 'field'); // what JSON-valued fields decode to (\u0000 escapes)
    return parsed;
  } catch (err) {
    if (err instanceof SyntaxError) throw invalid('VALIDATION_FAILED', `A form field is not valid JSON: ${err.message}`);
    throw err;
  }
}

/** Walks the parts: collects fields until the file, hands the file to `onFile`, drains the rest. */
export async function withUpload<R>(
  request: FastifyRequest,
  onFile: (fields: Record<string, string>, file: MultipartFile) => Promise<R>,
): Promise<R> {
  const fields: Record<string, string> = {};
  let result: { value: R } | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (result) throw invalid('IMPORT_ONE_FILE', 'Send one file per import.');
      result = { value: await onFile(fields, part) };
      continue;
    }
    if (result) throw invalid('IMPORT_FIELDS_FIRST', 'Send the form fields before the file.');
    const v = (part as MultipartValue).value;
    fields[part.fieldname] = typeof v === 'string' ? v : String(v);
  }
  if (!result) throw invalid('IMPORT_FILE_REQUIRED', 'Attach the CSV file as the "file" field.');
  return result.value;
}
