// The `import.process` job (IMP-06): runs or resumes one import. Idempotent: a finished import is
// left alone, a half-done one resumes after its last committed batch. The singleton key
// `import.process:<id>` keeps two workers off the same import.
import { z } from 'zod';
import { IMPORT_PROCESS_JOB } from '../../core/imports/service.ts';
import type { WorkerDeps } from '../index.ts';

const Payload = z.object({ importId: z.string().min(1).max(100) }).strict();

export async function registerImportJobs(deps: WorkerDeps): Promise<void> {
  await deps.queue.work(IMPORT_PROCESS_JOB, async (job) => {
    const { importId } = Payload.parse(job.data);
    const rec = await deps.services.imports.process(importId);
    deps.logger.info({ importId, status: rec?.status, rows: rec?.rowsRead }, 'import processed');
  });
}
