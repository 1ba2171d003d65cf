import type { InvocationContext } from '@azure/functions';
import type { Deps } from '../deps';
import type { ToolContext } from '../domain/tools/context';
import { spendOf } from './with-billing';

type Starters = Required<Pick<ToolContext, 'requestMode' | 'requestChartImage'>>;

/**
 * What tools start pictures and new modes with, for one billed invocation: work that is not stored
 * yet counts against the caller's images/generations per day, as POST /api/charts and /api/modes
 * do, so chat and voice are no way round those limits. Stored ones stay free.
 */
export function billedStarters(deps: Pick<Deps, 'requestMode' | 'requestChartImage'>, context: InvocationContext): Starters {
  const spend = spendOf(context);
  if (!spend) return { requestMode: (request) => deps.requestMode(request), requestChartImage: (request) => deps.requestChartImage(request) };
  return {
    requestMode: (request) => deps.requestMode(request, { beforeCreate: () => spend('generation') }),
    requestChartImage: (request) => deps.requestChartImage(request, { beforeCreate: () => spend('image') }),
  };
}
