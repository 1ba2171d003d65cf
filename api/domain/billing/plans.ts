/**
 * Plans live in code, not in storage: changing a price list is a reviewed commit, and a key only
 * names its plan, so `set-plan` takes effect on the key's next call.
 */
export const PLAN_NAMES = ['free', 'starter', 'pro', 'operator'] as const;
export type PlanName = (typeof PLAN_NAMES)[number];

export interface PlanLimits {
  requestsPerMinute: number;
  tokensPerDay: number;
  imagesPerDay: number;
  generationsPerDay: number;
  realtimeSessionsPerDay: number;
}

export const PLANS: Readonly<Record<PlanName, PlanLimits>> = {
  free: {
    requestsPerMinute: 10,
    tokensPerDay: 20_000,
    imagesPerDay: 5,
    generationsPerDay: 3,
    realtimeSessionsPerDay: 2,
  },
  starter: {
    requestsPerMinute: 60,
    tokensPerDay: 500_000,
    imagesPerDay: 100,
    generationsPerDay: 50,
    realtimeSessionsPerDay: 50,
  },
  pro: {
    requestsPerMinute: 600,
    tokensPerDay: 10_000_000,
    imagesPerDay: 2_000,
    generationsPerDay: 1_000,
    realtimeSessionsPerDay: 1_000,
  },
  /** The product's own operators: pro's limits, plus hiding and unhiding gallery modes (POST /api/modes/{id}/hide). */
  operator: {
    requestsPerMinute: 600,
    tokensPerDay: 10_000_000,
    imagesPerDay: 2_000,
    generationsPerDay: 1_000,
    realtimeSessionsPerDay: 1_000,
  },
};

/** Plans whose keys may moderate the public gallery. */
export const canModerate = (plan: PlanName): boolean => plan === 'operator';

export const isPlanName = (value: string): value is PlanName => (PLAN_NAMES as readonly string[]).includes(value);
