/** Types for scripts/ensure-chromium.mjs (a plain Node script, so `npm test` can run it before any build). */
export declare const DEFAULT_CHROMIUM: string;
export interface ChromiumFacts {
  path: string;
  custom: boolean;
  present: boolean;
  isRoot: boolean;
  canSudo: boolean;
  hasApt: boolean;
}
export type ChromiumPlan =
  { action: 'ok' } | { action: 'install'; commands: string[][] } | { action: 'fail'; message: string };
export declare function planChromium(facts: ChromiumFacts): ChromiumPlan;
