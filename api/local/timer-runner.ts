// Runs timerTrigger registrations on their schedule. Schedules are NCRONTAB with six fields,
// `{second} {minute} {hour} {day} {month} {day-of-week}`, or a TimeSpan ("00:05:00") interval:
// https://learn.microsoft.com/azure/azure-functions/functions-bindings-timer#ncrontab-expressions
import { Cron } from 'croner';
import type { Registration } from './functions-core-shim';
import { triggerOf } from './functions-core-shim';
import { parseTimeSpan, resolveAppSettings } from './host-config';
import { createInvocationContext, describeError, invokeHandler, logLine, type Logger } from './invocation';

export interface TimerRunnerOptions {
  registry: Registration[];
  logger: Logger;
  env?: NodeJS.ProcessEnv;
}

export interface TimerRunner {
  stop(timeoutMs?: number): Promise<void>;
}

interface Schedule {
  next(): Date | null;
  stop(): void;
}

/**
 * Azure runs NCRONTAB in UTC unless WEBSITE_TIME_ZONE is set; Core Tools uses the machine's
 * local zone. We follow Core Tools, honouring WEBSITE_TIME_ZONE when it is an IANA name.
 */
function timezoneFrom(env: NodeJS.ProcessEnv): string | undefined {
  const zone = env.WEBSITE_TIME_ZONE;
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

function schedule(expression: string, timezone: string | undefined, tick: () => void): Schedule {
  if (/^\d+(\.\d+)?:\d{2}:\d{2}/.test(expression)) {
    const every = parseTimeSpan(expression, 0, 'schedule');
    if (every <= 0) throw new Error(`TimeSpan schedule "${expression}" must be positive`);
    let nextAt = Date.now() + every;
    const timer = setInterval(() => {
      nextAt = Date.now() + every;
      tick();
    }, every);
    return { next: () => new Date(nextAt), stop: () => clearInterval(timer) };
  }
  // NCRONTAB always has the seconds field, so 5-field cron is refused like the host does.
  const job = new Cron(expression, { mode: '6-part', timezone, protect: true, catch: false }, tick);
  return { next: () => job.nextRun(), stop: () => job.stop() };
}

export function startTimerRunner(options: TimerRunnerOptions): TimerRunner {
  const env = options.env ?? process.env;
  const { logger } = options;
  const timezone = timezoneFrom(env);
  const schedules: Schedule[] = [];
  const inFlight = new Set<Promise<void>>();
  let stopped = false;

  for (const registration of options.registry) {
    const trigger = triggerOf(registration);
    if (trigger?.type !== 'timerTrigger') continue;
    const expression = resolveAppSettings(String(trigger.schedule ?? ''), env).trim();
    let last = new Date();
    let running = false;
    let current: Schedule | undefined;

    const fire = () => {
      // One invocation at a time per function, like the host's singleton timer lock.
      if (stopped || running) return;
      running = true;
      const now = new Date();
      const timer = {
        isPastDue: false,
        schedule: { adjustForDST: true },
        scheduleStatus: {
          last: last.toISOString(),
          next: (current?.next() ?? now).toISOString(),
          lastUpdated: now.toISOString(),
        },
      };
      last = now;
      const context = createInvocationContext(registration, { logger });
      const run = invokeHandler(registration, timer, context)
        .then(() => logLine(logger, `timer ${registration.name} ok ${Date.now() - now.getTime()}ms`))
        .catch((error: unknown) => logLine(logger, `timer ${registration.name} failed: ${describeError(error)}`))
        .finally(() => {
          running = false;
          inFlight.delete(run);
        });
      inFlight.add(run);
    };

    try {
      current = schedule(expression, timezone, fire);
    } catch (error) {
      throw new Error(`${registration.name}: invalid timer schedule "${expression}": ${describeError(error)}`, {
        cause: error,
      });
    }
    schedules.push(current);
    if (trigger.runOnStartup) setImmediate(fire);
    logLine(
      logger,
      `timer ${registration.name} scheduled "${expression}", next ${current.next()?.toISOString() ?? 'never'}`,
    );
  }

  return {
    async stop(timeoutMs = 10_000) {
      stopped = true;
      for (const s of schedules) s.stop();
      const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), timeoutMs).unref());
      if ((await Promise.race([Promise.all([...inFlight]).then(() => 'done' as const), timeout])) === 'timeout') {
        logLine(logger, `timer runner: handlers still running after ${timeoutMs}ms; not waiting any longer`);
      }
    },
  };
}
