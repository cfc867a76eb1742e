// What a customer sees of a running import (issue 13 §3): the stage, rows processed against the
// total and the rate. The server stamps each committed batch (rowsRead, updatedAt); the rate is the
// rows committed between two readings over the time between their stamps, so any reader (the web
// page polling GET /imports/:id, a script) gets it without the server keeping state per reader.
import type { ImportRecord } from './types.ts';

/**
 * waiting — uploaded, the job has not started; checking — the analyse pass reads every row
 * (nothing written, the total is not known yet); importing — committed batches; finished — any end.
 */
export const IMPORT_STAGES = ['waiting', 'checking', 'importing', 'finished'] as const;
export type ImportStage = (typeof IMPORT_STAGES)[number];

export interface ImportProgress {
  stage: ImportStage;
  /** Rows with their outcome committed (IMP-06). */
  rowsProcessed: number;
  /** Rows in the file, known once the analyse pass is done. */
  totalRows: number | null;
  /** 0–100 once the total is known; null before. */
  percent: number | null;
  /** When rowsProcessed was last committed (ISO). */
  at: string;
}

export function importProgress(
  r: Pick<ImportRecord, 'status' | 'phase' | 'rowsRead' | 'totalRows' | 'updatedAt'>,
): ImportProgress {
  const stage: ImportStage =
    r.status === 'uploaded'
      ? 'waiting'
      : r.status !== 'processing'
        ? 'finished'
        : r.phase === 'analyse'
          ? 'checking'
          : 'importing';
  const percent =
    r.totalRows === null ? null : r.totalRows === 0 ? 100 : Math.min(100, Math.floor((100 * r.rowsRead) / r.totalRows));
  return { stage, rowsProcessed: r.rowsRead, totalRows: r.totalRows, percent, at: r.updatedAt };
}

/** Rows per second between two readings of one import's progress; null while it cannot be told. */
export function rowsPerSecond(
  earlier: Pick<ImportProgress, 'rowsProcessed' | 'at'>,
  later: Pick<ImportProgress, 'rowsProcessed' | 'at'>,
): number | null {
  const seconds = (Date.parse(later.at) - Date.parse(earlier.at)) / 1000;
  const rows = later.rowsProcessed - earlier.rowsProcessed;
  if (!(seconds > 0) || rows <= 0) return null;
  return Math.round(rows / seconds);
}
