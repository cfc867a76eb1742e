// POST /api/v1/imports — upload a CSV with its declared source, attestation and target lists
// (IMP-01); the file streams into storage and the import job is queued: 202 with the import.
import { clientIp, requireAccount, userAgent } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { ImportFieldsSchema, parseFields, withUpload } from './multipart-fields.ts';
import { ImportSchema, SECURITY, TAGS, toImportView, type ZodApp } from './shapes.ts';

export function registerCreateImport(app: ZodApp, deps: AppDeps) {
  app.post(
    '/api/v1/imports',
    {
      // Refused before the upload is read when `import` is off (standing-guard.ts).
      config: { standing: { service: 'import' } },
      schema: {
        tags: TAGS,
        security: SECURITY,
        summary:
          'Start an import (multipart: source, sourceDescription, attest, listIds, mapping?, encoding?, consentDate?, allowDuplicate?, then file)',
        consumes: ['multipart/form-data'],
        response: { 202: ImportSchema },
      },
    },
    async (request, reply) => {
      const auth = requireAccount(request, 'imports:write');
      const who = {
        at: deps.clock.now().toISOString(),
        userId: auth.userId,
        ip: clientIp(request) || null,
        userAgent: userAgent(request) || null,
      };
      const rec = await withUpload(request, deps.services.imports.limits.maxUploadBytes, async (raw, file) => {
        const f = parseFields(ImportFieldsSchema, raw);
        const declaration = { source: f.source, sourceDescription: f.sourceDescription ?? null, attest: f.attest === true };
        // Refuse a forbidden source, a missing attestation or a foreign list before storing anything.
        await deps.services.imports.validateStart(auth.accountId, declaration, f.listIds, who);
        return deps.services.imports.start({
          accountId: auth.accountId,
          declaration,
          listIds: f.listIds,
          mapping: f.mapping ?? null,
          encoding: f.encoding ?? null,
          consentDate: f.consentDate ?? null,
          allowDuplicate: f.allowDuplicate === true,
          fileName: file.filename,
          who,
          actor: auth.userId ? { type: 'user', id: auth.userId } : { type: 'api-key', id: auth.accountId },
          file: file.body,
        });
      });
      return reply.status(202).send(toImportView(rec));
    },
  );
}
