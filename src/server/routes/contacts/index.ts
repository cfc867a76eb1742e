// Contact routes (CON-10, SMS-04, data-subject rights).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { registerBulkEraseContacts } from './bulk-erase-contacts.ts';
import { registerBulkWithdrawContacts } from './bulk-withdraw-contacts.ts';
import { registerCreateContact } from './create-contact.ts';
import { registerEraseContact } from './erase-contact.ts';
import { registerExportContact } from './export-contact.ts';
import { registerExportContactsCsv } from './export-contacts-csv.ts';
import { registerGetContact } from './get-contact.ts';
import { registerGetContactTimeline } from './get-contact-timeline.ts';
import { registerListContacts } from './list-contacts.ts';
import { registerUpdateContact } from './update-contact.ts';

/** Registered with `{ prefix: '/api/v1' }` in routes/index.ts. */
export function contactRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    registerCreateContact(app, deps);
    registerListContacts(app, deps);
    registerExportContactsCsv(app, deps);
    registerBulkWithdrawContacts(app, deps);
    registerBulkEraseContacts(app, deps);
    registerGetContact(app, deps);
    registerGetContactTimeline(app, deps);
    registerUpdateContact(app, deps);
    registerEraseContact(app, deps);
    registerExportContact(app, deps);
  };
}
