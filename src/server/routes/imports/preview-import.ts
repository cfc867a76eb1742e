// POST /api/v1/imports/preview — the first rows with the detected encoding, delimiter and
// column mapping, for the mapping screen. Reads only the start of the file (the answer does not
// wait for the rest of the upload); stores nothing.
import { z } from 'zod';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { PreviewFieldsSchema, parseFields, withUpload } from './multipart-fields.ts';
import { SECURITY, TAGS, type ZodApp } from './shapes.ts';

const PreviewSchema = z.object({
  encoding: z.string(),
  delimiter: z.string(),
  header: z.array(z.string()),
  hasHeader: z.boolean(),
  mapping: z.record(z.string(), z.string()),
  rows: z.array(z.array(z.string())),
});

export function registerPreviewImport(app: ZodApp, deps: AppDeps) {
  app.post(
    '/api/v1/imports/preview',
    {
      config: { standing: { service: 'import' } },
      schema: {
        tags: TAGS,
        security: SECURITY,
        summary: 'Preview a CSV: encoding, delimiter, header, proposed mapping, first rows',
        consumes: ['multipart/form-data'],
        response: { 200: PreviewSchema },
      },
    },
    async (request) => {
      requireAccount(request, 'imports:write');
      return withUpload(request, deps.services.imports.limits.maxUploadBytes, async (raw, file) => {
        const f = parseFields(PreviewFieldsSchema, raw);
        // The service reads the head only; the onSend hook (index.ts) deals with the unread rest.
        const preview = await deps.services.imports.preview(file.body, f);
        return { ...preview, mapping: preview.mapping as Record<string, string> };
      });
    },
  );
}
