// GET /api/v1/imports — the account's imports, newest first.
import { z } from 'zod';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { ImportSchema, SECURITY, TAGS, toImportView, type ZodApp } from './shapes.ts';

export function registerListImports(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/v1/imports',
    {
      schema: {
        tags: TAGS,
        security: SECURITY,
        summary: 'List imports',
        response: { 200: z.object({ items: z.array(ImportSchema) }) },
      },
    },
    async (request) => {
      const auth = requireAccount(request, 'imports:read');
      return { items: (await deps.services.imports.list(auth.accountId)).map(toImportView) };
    },
  );
}
