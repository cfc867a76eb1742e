// SQL for the operator console's read model (src/core/operator/console.ts): account names for a
// page of rows in one query, and the dashboard's counts (one grouped query per table).
import { ContentVerdictSchema } from '../../core/campaigns/schemas.ts';
import {
  DASHBOARD_RECENT_INCIDENTS,
  MAX_ACCOUNT_NAME_LOOKUP,
  type OperatorConsoleStore,
  type OperatorDashboard,
} from '../../core/operator/console.ts';
import { STANDINGS, type Standing } from '../../core/standing/machine.ts';
import type { Database } from '../database.ts';

export function createOperatorConsoleStore(database: Database): OperatorConsoleStore {
  const { db } = database;
  return {
    async accountNames(ids) {
      const unique = [...new Set(ids)].slice(0, MAX_ACCOUNT_NAME_LOOKUP);
      if (unique.length === 0) return new Map();
      const rows = await db.selectFrom('accounts').select(['id', 'name']).where('id', 'in', unique).execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    async dashboard(): Promise<OperatorDashboard> {
      const [standings, pending, imports, campaigns, outbox, openIncidents, recent] = await Promise.all([
        db
          .selectFrom('accounts')
          .select(['standing', (eb) => eb.fn.countAll<number>().as('n')])
          .groupBy('standing')
          .execute(),
        db
          .selectFrom('accounts')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('review', '=', 'pending')
          .executeTakeFirstOrThrow(),
        db
          .selectFrom('imports')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', '=', 'held')
          .executeTakeFirstOrThrow(),
        // A campaign waits for a person when it is in review under a 'hold' verdict; the verdict
        // is JSON, parsed with its schema rather than matched as text (only in-review rows).
        db.selectFrom('campaigns').select('verdict').where('status', '=', 'in-review').execute(),
        db
          .selectFrom('system_mail')
          .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('created_at').as('oldest')])
          .where('status', 'in', ['queued', 'held'])
          .executeTakeFirstOrThrow(),
        db
          .selectFrom('incidents')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('closed_at', 'is', null)
          .executeTakeFirstOrThrow(),
        db
          .selectFrom('incidents')
          .leftJoin('accounts', 'accounts.id', 'incidents.account_id')
          .select([
            'incidents.id',
            'incidents.kind',
            'incidents.subject',
            'incidents.summary',
            'incidents.account_id',
            'accounts.name as account_name',
            'incidents.last_seen_at',
          ])
          .where('incidents.closed_at', 'is', null)
          .orderBy('incidents.last_seen_at', 'desc')
          .orderBy('incidents.id')
          .limit(DASHBOARD_RECENT_INCIDENTS)
          .execute(),
      ]);
      const accountsByStanding = Object.fromEntries(STANDINGS.map((s) => [s, 0])) as Record<Standing, number>;
      for (const r of standings) accountsByStanding[r.standing] = Number(r.n);
      return {
        accountsByStanding,
        signupsPending: Number(pending.n),
        importsHeld: Number(imports.n),
        campaignsHeld: campaigns.filter(
          (c) => c.verdict !== null && ContentVerdictSchema.parse(JSON.parse(c.verdict)).decision === 'hold',
        ).length,
        outboxBacklog: Number(outbox.n),
        outboxOldest: outbox.oldest ?? null,
        openIncidents: Number(openIncidents.n),
        recentIncidents: recent.map((r) => ({
          id: r.id,
          kind: r.kind,
          subject: r.subject,
          summary: r.summary,
          accountId: r.account_id,
          accountName: r.account_name ?? null,
          lastSeenAt: r.last_seen_at,
        })),
      };
    },
  };
}
