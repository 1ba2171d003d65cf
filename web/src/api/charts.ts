import type { ChartImage, ChartJob, ChartJobAccepted, CreateChartImageRequest } from '../../../api/contracts/charts';
import { ApiError, postJson, send } from './client';

export type ChartImageResult = { kind: 'ready'; image: ChartImage } | { kind: 'job'; jobId: string };

/** POST /api/charts: the stored image at once (200), or the job painting it (202). */
export async function createChartImage(req: CreateChartImageRequest, signal?: AbortSignal): Promise<ChartImageResult> {
  const res = await postJson('/api/charts', req, signal);
  const body = (await res.json()) as ChartImage | ChartJobAccepted;
  if (res.status === 202 && 'jobId' in body) return { kind: 'job', jobId: body.jobId };
  if ('url' in body && typeof body.url === 'string') return { kind: 'ready', image: body };
  throw new ApiError('bad_response', 'The server sent an answer this page could not read.', true, res.status);
}

/** GET /api/jobs/{id} for a chart image job. */
export async function getChartJob(id: string, signal?: AbortSignal): Promise<ChartJob> {
  const res = await send(`/api/jobs/${encodeURIComponent(id)}`, { headers: { accept: 'application/json' }, signal });
  return (await res.json()) as ChartJob;
}
