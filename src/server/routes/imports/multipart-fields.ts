// The form fields of an import upload (multipart/form-data), validated with one strict schema:
// unknown fields are refused (400). Fields must come before the file so the declaration can be
// refused before a single byte of the file is stored (IMP-01).
import type { Multipart, MultipartFile, MultipartValue } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { invalid, tooLarge } from '../../../core/errors.ts';
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

/** An uploaded file: its name and its bytes, which end only when the whole request has been read. */
export interface Upload {
  filename: string | null;
  /**
   * The file's bytes. After the last one the rest of the request is read: a file over the size
   * limit, a second file, a field after the file or a multipart limit throws HERE, while the
   * consumer (the import service storing the blob) can still undo what it wrote. A refused
   * request leaves no import, no blob, no rows.
   */
  body: AsyncIterable<Uint8Array>;
}

/** Walks the parts: collects the fields until the file, then hands the file to `onFile`. */
export async function withUpload<R>(
  request: FastifyRequest,
  maxBytes: number,
  onFile: (fields: Record<string, string>, file: Upload) => Promise<R>,
): Promise<R> {
  const fields: Record<string, string> = {};
  const parts = request.parts({ limits: { fileSize: maxBytes } })[Symbol.asyncIterator]();
  for (;;) {
    const next = await parts.next();
    if (next.done) throw invalid('IMPORT_FILE_REQUIRED', 'Attach the CSV file as the "file" field.');
    const part = next.value;
    if (part.type === 'file')
      return onFile(fields, { filename: part.filename ?? null, body: wholeRequest(part, parts, maxBytes) });
    const v = (part as MultipartValue).value;
    fields[part.fieldname] = typeof v === 'string' ? v : String(v);
  }
}

async function* wholeRequest(file: MultipartFile, parts: AsyncIterator<Multipart>, maxBytes: number): AsyncGenerator<Uint8Array> {
  for await (const chunk of file.file) yield chunk as Uint8Array;
  // busboy truncates a file at the size limit and ends it normally: the truncation is the refusal.
  if (file.file.truncated)
    throw tooLarge('IMPORT_TOO_LARGE', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; split it.`, {
      maxBytes,
    });
  for (;;) {
    const next = await parts.next(); // a multipart limit (a second file: FST_FILES_LIMIT) throws here
    if (next.done) return;
    const part = next.value;
    if (part.type === 'file') {
      part.file.resume();
      throw invalid('IMPORT_ONE_FILE', 'Send one file per import.');
    }
    throw invalid('IMPORT_FIELDS_FIRST', 'Send the form fields before the file.');
  }
}
