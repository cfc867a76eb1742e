// GET /api/v1/imports/:id — one import's status, counts and review outcome (another account's id: 404).
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { ImportIdParams, ImportSchema, SECURITY, TAGS, toImportView, type ZodApp } from './shapes.ts';

export function registerGetImport(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/v1/imports/:id',
    {
      schema: {
        tags: TAGS,
        security: SECURITY,
        summary: 'Get an import',
        params: ImportIdParams,
        response: { 200: ImportSchema },
      },
    },
    async (request) => {
      const auth = requireAccount(request, 'imports:read');
      return toImportView(await deps.services.imports.get(auth.accountId, request.params.id));
    },
  );
}
