import type { InvocationContext } from '@azure/functions';
import type { Deps } from '../deps';
import type { ToolContext } from '../domain/tools/context';
import { spendOf } from './with-billing';

type Starters = Required<Pick<ToolContext, 'requestMode' | 'requestChartImage'>>;

/**
 * What a billed invocation starts pictures and new modes with — chat and voice tools, POST
 * /api/charts and /api/modes alike: work that is not stored yet counts against the caller's
 * images/generations per day, so no route is a way round those limits. Stored ones, and joining
 * one under way, stay free.
 */
export function billedStarters(
  deps: Pick<Deps, 'requestMode' | 'requestChartImage'>,
  context: InvocationContext,
): Starters {
  const spend = spendOf(context);
  if (!spend)
    return {
      requestMode: (request) => deps.requestMode(request),
      requestChartImage: (request) => deps.requestChartImage(request),
    };
  return {
    requestMode: (request) => deps.requestMode(request, { beforeStart: () => spend('generation') }),
    requestChartImage: (request) => deps.requestChartImage(request, { beforeStart: () => spend('image') }),
  };
}
