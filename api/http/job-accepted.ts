import type { HttpResponseInit } from '@azure/functions';
import type { ChartJobAccepted } from '../contracts/charts';
import type { ModeJobAccepted } from '../contracts/jobs';

/** 202 for work under way (a picture, a design): where to poll, and not before a second. */
export function jobAccepted(jobId: string): HttpResponseInit {
  const statusUrl = `/api/jobs/${jobId}`;
  const accepted: ModeJobAccepted & ChartJobAccepted = { jobId, statusUrl };
  return {
    status: 202,
    jsonBody: accepted,
    headers: { Location: statusUrl, 'Retry-After': '1', 'Cache-Control': 'no-store' },
  };
}
