// The imports API (IMP-01..06): customer endpoints and the operator review queue. Multipart is
// registered here only, with the import limits (the rest of the API takes JSON).
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MAX_IMPORT_BYTES } from '../../../core/imports/limits.ts';
import type { AppDeps } from '../../deps.ts';
import { registerCreateImport } from './create-import.ts';
import { registerGetImport } from './get-import.ts';
import { registerGetImportReport } from './get-import-report.ts';
import { registerListImports } from './list-imports.ts';
import { registerListReviewQueue } from './list-review-queue.ts';
import { MAX_IMPORT_FIELD_BYTES, MAX_IMPORT_FIELDS } from './multipart-fields.ts';
import { registerPreviewImport } from './preview-import.ts';
import { registerReviewImport } from './review-import.ts';

/** The most of an unread upload body we read and discard after answering; more closes the connection. */
export const MAX_DRAIN_AFTER_ANSWER_BYTES = 16 * 1024 * 1024;

export function importRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, {
      limits: {
        fileSize: MAX_IMPORT_BYTES,
        files: 1,
        fields: MAX_IMPORT_FIELDS,
        fieldSize: MAX_IMPORT_FIELD_BYTES,
        parts: MAX_IMPORT_FIELDS + 1,
      },
    });
    // An answer given before the upload was read to its end (a refused declaration, a bad file)
    // must not leave the rest of the body in the connection: a keep-alive connection would
    // never answer again. A small rest is read and discarded; a large one closes the connection.
    app.addHook('onSend', async (request, reply, payload) => {
      const raw = request.raw;
      if (raw.complete || raw.readableEnded) return payload;
      const declared = Number(raw.headers['content-length']);
      if (Number.isFinite(declared) && declared <= MAX_DRAIN_AFTER_ANSWER_BYTES) {
        raw.unpipe();
        raw.resume();
      } else {
        void reply.header('connection', 'close');
      }
      return payload;
    });
    registerCreateImport(app, deps);
    registerPreviewImport(app, deps);
    registerListImports(app, deps);
    registerGetImport(app, deps);
    registerGetImportReport(app, deps);
    registerListReviewQueue(app, deps);
    registerReviewImport(app, deps);
  };
}
