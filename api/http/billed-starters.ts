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
type StarterName = 'requestMode' | 'requestChartImage';

export type Billed = Required<Pick<ToolContext, StarterName>> & {
  /**
   * Whether the caller most likely has a unit of `kind` left today, checked without charging it
   * (chat starts a brand call on a command's words with it). Absent: unknown, so start nothing early.
   */
  mayLikelySpend?: (kind: SpendKind) => boolean;
};

/** The starters that spend nothing: withBilling's to wrap, never a billable route's to call. */
export type Starters = Pick<Deps, StarterName>;

/**
 * What a billable route's handler may read: everything but the unbilled starters, so the only
 * way it can start paid work is through its `billed` argument.
 */
export type BillableRouteDeps = Omit<Deps, StarterName>;

export function billedStarters(
  starters: Starters,
  spend: Spend,
  mayLikelySpend?: (kind: SpendKind) => boolean,
): Billed {
  return {
    ...(mayLikelySpend ? { mayLikelySpend } : {}),
    requestMode: (request) => starters.requestMode(request, { beforeStart: () => spend('generation') }),
    requestChartImage: (request) => starters.requestChartImage(request, { beforeStart: () => spend('image') }),
  };
}
