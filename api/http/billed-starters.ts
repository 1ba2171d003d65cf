import type { Deps } from '../deps';
import type { SpendKind } from '../domain/billing/budget';
import type { ToolContext } from '../domain/tools/context';

/** Reserves a unit of the caller's daily allowance for paid work started on the way; throws BudgetSpent when spent. */
export type Spend = (kind: SpendKind) => Promise<void>;

/**
 * What a billed invocation starts pictures and new modes with — chat and voice tools, POST
 * /api/charts and /api/modes alike: work that is not stored yet counts against the caller's
 * images/generations per day, so no route is a way round those limits. Stored ones, and joining
 * one under way, stay free. withBilling hands it to the route as the handler's third argument.
 */
export type Billed = Required<Pick<ToolContext, 'requestMode' | 'requestChartImage'>>;

/** The starters that spend nothing: withBilling's to wrap, never a billable route's to call. */
export type Starters = Pick<Deps, keyof Billed>;

/**
 * What a billable route's handler may read: everything but the unbilled starters, so the only
 * way it can start paid work is through its `billed` argument.
 */
export type BillableRouteDeps = Omit<Deps, keyof Billed>;

export function billedStarters(starters: Starters, spend: Spend): Billed {
  return {
    requestMode: (request) => starters.requestMode(request, { beforeStart: () => spend('generation') }),
    requestChartImage: (request) => starters.requestChartImage(request, { beforeStart: () => spend('image') }),
  };
}
