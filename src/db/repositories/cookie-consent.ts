// SQL for the cookie consent log (CK-05), the same on both engines.
import { z } from 'zod';
import {
  CONSENT_ACTIONS,
  CONSENT_LANGUAGES,
  CONSENT_SOURCES,
  type ConsentRecord,
  type CookieConsentStore,
} from '../../core/cookie-consent/service.ts';
import { COOKIE_CATEGORIES } from '../../../policy/cookies.ts';
import type { Database } from '../database.ts';
import type { CookieConsentsTable } from '../schema/cookie-consent.ts';

const CategoriesJson = z.array(z.enum(COOKIE_CATEGORIES));
const ServicesJson = z.array(z.string());

export function createCookieConsentStore(database: Database): CookieConsentStore {
  const { db } = database;
  return {
    async insert(r) {
      await db
        .insertInto('cookie_consents')
        .values({
          id: r.id,
          consent_id: r.consentId,
          created_at: r.at,
          revision: r.revision,
          categories: JSON.stringify(r.categories),
          services: JSON.stringify(r.services),
          action: r.action,
          language: r.language,
          source: r.source,
          user_agent: r.userAgent,
          ip: r.ip,
        })
        .execute();
    },
    async list({ limit, consentId }) {
      let query = db.selectFrom('cookie_consents').selectAll().orderBy('seq', 'desc').limit(limit);
      if (consentId) query = query.where('consent_id', '=', consentId);
      const rows = await query.execute();
      return rows.map(toRecord);
    },
  };
}

function toRecord(row: Omit<CookieConsentsTable, 'seq'> & { seq: number }): ConsentRecord {
  return {
    id: row.id,
    consentId: row.consent_id,
    at: row.created_at,
    revision: Number(row.revision),
    categories: CategoriesJson.parse(JSON.parse(row.categories)),
    services: ServicesJson.parse(JSON.parse(row.services)),
    action: z.enum(CONSENT_ACTIONS).parse(row.action),
    language: z.enum(CONSENT_LANGUAGES).parse(row.language),
    source: z.enum(CONSENT_SOURCES).parse(row.source),
    userAgent: row.user_agent,
    ip: row.ip,
  };
}
