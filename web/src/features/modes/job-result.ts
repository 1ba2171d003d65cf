import type { Job } from '../../../../api/contracts/jobs';

/** The id of the mode a finished mode-generation job produced (GET /api/jobs/{id} → result.modeId). */
export function modeIdOf(job: Pick<Job, 'status' | 'result'>): string | null {
  return job.status === 'done' && typeof job.result?.modeId === 'string' ? job.result.modeId : null;
}
