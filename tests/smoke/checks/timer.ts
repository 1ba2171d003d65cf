import { Cron } from 'croner';
import { triggerOf } from '../../../api/local/functions-core-shim';
import { loadApp } from '../../../api/local/load-app';
import type { SmokeContext } from '../context';
import { CheckFailed, type Check } from '../runner';

export const TIMER_NAME = 'chart-pregen-timer';

/**
 * Loads the compiled app the way the Functions Node worker does — package.json `main`, through the
 * functions-core shim the local runtime uses (api/local/) — and checks the chart pre-generation
 * timer is registered with an NCRONTAB schedule the host accepts (six fields; croner parses it the
 * way api/local/timer-runner.ts runs it). The schedule is read with the resolved settings, so a bad
 * PRESTO_CHART_SCHEDULE fails here as it would fail the host.
 */
export function timerCheck(ctx: SmokeContext): Check {
  return {
    id: 'timer',
    title: 'timer registration',
    timeoutMs: 30_000,
    explain: (error) => ({
      detail: error instanceof Error ? error.message.split('\n')[0]! : String(error),
      fix: /PRESTO_CHART_SCHEDULE/.test(String(error))
        ? 'set PRESTO_CHART_SCHEDULE to a 6-field NCRONTAB expression, e.g. "0 5 0 * * *"'
        : 'run `npm run build`, then check api/functions/chart-pregen-timer.ts loads',
    }),
    async run() {
      const registry = withSettings(ctx.env, () => loadApp(ctx.root).registry);
      const registration = registry.find((r) => r.name === TIMER_NAME);
      if (!registration)
        throw new CheckFailed(
          `${TIMER_NAME} is not registered (${registry.length} functions loaded from package.json main)`,
          'package.json `main` must name the bundled app (dist/app/main.js); run `npm run build`',
        );
      const trigger = triggerOf(registration);
      const schedule = String(trigger?.schedule ?? '');
      if (trigger?.type !== 'timerTrigger')
        throw new CheckFailed(`${TIMER_NAME} has a ${String(trigger?.type)} trigger, not a timer`);
      let next: Date | null;
      try {
        next = new Cron(schedule, { mode: '6-part', paused: true, timezone: 'UTC' }).nextRun();
      } catch (error) {
        throw new CheckFailed(
          `schedule "${schedule}" is not valid NCRONTAB: ${(error as Error).message}`,
          'set PRESTO_CHART_SCHEDULE to a 6-field NCRONTAB expression, e.g. "0 5 0 * * *"',
        );
      }
      if (!next) throw new CheckFailed(`schedule "${schedule}" never fires`, 'set PRESTO_CHART_SCHEDULE');
      return {
        outcome: 'ok',
        detail: `${TIMER_NAME} "${schedule}" (next ${next.toISOString().slice(0, 16).replace('T', ' ')} UTC); ${registry.length} functions registered`,
      };
    },
  };
}

/**
 * The app reads its settings (the timer's schedule among them) from process.env when it loads, as
 * the host gives it its app settings: load it with the resolved ones, then put everything back.
 */
function withSettings<T>(settings: Readonly<Record<string, string | undefined>>, load: () => T): T {
  const saved = new Map<string, string | undefined>();
  for (const [key, value] of Object.entries(settings)) {
    saved.set(key, process.env[key]);
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  if (!('PRESTO_CHART_SCHEDULE' in settings)) {
    saved.set('PRESTO_CHART_SCHEDULE', process.env.PRESTO_CHART_SCHEDULE);
    delete process.env.PRESTO_CHART_SCHEDULE;
  }
  try {
    return load();
  } finally {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
