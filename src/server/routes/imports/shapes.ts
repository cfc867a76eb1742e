// Response shapes of the imports API, shared by its endpoint files.
import type {
  FastifyInstance,
  FastifyBaseLogger,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RISK_WEIGHTS, type RiskReason } from '../../../../policy/imports.ts';
import { HOLD_CAUSES, holdCauseOf } from '../../../core/imports/hold.ts';
import { IMPORT_STAGES, importProgress } from '../../../core/imports/progress.ts';
import { customerRisk } from '../../../core/imports/risk.ts';
import { IMPORT_SAMPLE_STATUSES, IMPORT_STATUSES, type ImportRecord } from '../../../core/imports/types.ts';

export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export const TAGS = ['imports'];
export const SECURITY: Array<Record<string, string[]>> = [{ session: [] }, { apiKey: [] }];
export const ImportIdParams = z.object({ id: z.string().min(1).max(100) });

export const ImportSchema = z.object({
  id: z.string(),
  status: z.enum(IMPORT_STATUSES),
  fileName: z.string().nullable(),
  fileSha256: z.string(),
  fileBytes: z.number(),
  source: z.string(),
  sourceDescription: z.string().nullable(),
  attestation: z.object({
    attested: z.boolean(),
    at: z.string(),
    userId: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    text: z.string(),
    version: z.number(),
  }),
  listIds: z.array(z.string()),
  mapping: z.record(z.string(), z.string()).nullable(),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  totalRows: z.number().nullable(),
  rowsRead: z.number(),
  imported: z.number(),
  quarantined: z.number(),
  rejected: z.number(),
  withoutEvidence: z.number(),
  lastCommittedRow: z.number(),
  riskScore: z.number().nullable(),
  /** While it runs: the stage, rows committed of the total, when they were (two readings give the rate). */
  progress: z.object({
    stage: z.enum(IMPORT_STAGES),
    rowsProcessed: z.number(),
    totalRows: z.number().nullable(),
    percent: z.number().nullable(),
    at: z.string(),
  }),
  /** IMP-04: the score's reasons with their counts, shares, points and weights (what the reviewer sees, without samples). */
  risk: z
    .object({
      score: z.number(),
      reasons: z.array(
        z.object({
          reason: z.enum(Object.keys(RISK_WEIGHTS) as [RiskReason, ...RiskReason[]]),
          count: z.number(),
          share: z.number(),
          points: z.number(),
          weight: z.number(),
          domains: z.number().optional(),
        }),
      ),
    })
    .nullable(),
  holdReasons: z.array(z.string()).nullable(),
  /** The hold reasons as data, for the app to word in the reader's language (null where a stored sentence is not one of ours). */
  holdCauses: z.array(z.object({ code: z.enum(HOLD_CAUSES), params: z.record(z.string(), z.number()) }).nullable()).nullable(),
  error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }).nullable(),
  review: z
    .object({ decision: z.enum(['approved', 'rejected']), reason: z.string().nullable(), at: z.string().nullable() })
    .nullable(),
  /** IMP-07: the first campaign's sample of this import's contacts; 'declined' says why the rest was cancelled. */
  sample: z
    .object({
      campaignId: z.string(),
      status: z.enum(IMPORT_SAMPLE_STATUSES),
      reason: z.string().nullable(),
      settledAt: z.string().nullable(),
    })
    .nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** An import as the API answers it (the web app reads this type). */
export type ImportView = z.infer<typeof ImportSchema>;

export function toImportView(r: ImportRecord): z.infer<typeof ImportSchema> {
  return {
    id: r.id,
    status: r.status,
    fileName: r.fileName,
    fileSha256: r.fileSha256,
    fileBytes: r.fileBytes,
    source: r.source,
    sourceDescription: r.sourceDescription,
    attestation: r.attestation,
    listIds: r.listIds,
    mapping: (r.mapping as Record<string, string> | null) ?? null,
    encoding: r.encoding,
    delimiter: r.delimiter,
    totalRows: r.totalRows,
    rowsRead: r.rowsRead,
    imported: r.imported,
    quarantined: r.quarantined,
    rejected: r.rejected,
    withoutEvidence: r.withoutEvidence,
    lastCommittedRow: r.lastCommittedRow,
    riskScore: r.riskScore,
    progress: importProgress(r),
    risk: customerRisk(r.forensics),
    holdReasons: r.holdReasons,
    holdCauses: r.holdReasons?.map(holdCauseOf) ?? null,
    error: r.error,
    // The customer sees the outcome of the review (IMP-05), not the reviewer's identity.
    review:
      r.status === 'approved' || r.status === 'rejected'
        ? { decision: r.status, reason: r.reviewReason, at: r.reviewedAt }
        : null,
    sample: r.sample ?? null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
