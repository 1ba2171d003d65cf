// Reads the parts of host.json the local runtime honours, with the host's defaults.
// Reference: https://learn.microsoft.com/azure/azure-functions/functions-host-json and
// https://learn.microsoft.com/azure/azure-functions/functions-bindings-storage-queue#host-json
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface QueueSettings {
  batchSize: number;
  maxDequeueCount: number;
  /** Delay before a failed message becomes visible again, in ms. */
  visibilityTimeoutMs: number;
  maxPollingIntervalMs: number;
  messageEncoding: 'base64' | 'none';
}

export interface HostConfig {
  routePrefix: string;
  queues: QueueSettings;
}

/**
 * Parses a .NET TimeSpan as host.json writes it: "hh:mm:ss", "hh:mm:ss.fff" or "d.hh:mm:ss".
 * A plain number is taken as milliseconds.
 */
export function parseTimeSpan(value: unknown, fallbackMs: number, label = 'TimeSpan'): number {
  if (value === undefined || value === null) return fallbackMs;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  const match =
    typeof value === 'string' ? /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/.exec(value.trim()) : null;
  if (!match) throw new Error(`host.json: ${label} ${JSON.stringify(value)} is not a TimeSpan like "00:00:05"`);
  const [, days, hours, minutes, seconds, fraction] = match;
  const ms = fraction ? Number(`0.${fraction}`) * 1000 : 0;
  return ((Number(days ?? 0) * 24 + Number(hours)) * 60 + Number(minutes)) * 60_000 + Number(seconds) * 1000 + ms;
}

function positiveInt(value: unknown, fallback: number, label: string, max = Infinity): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(`host.json: ${label} must be an integer between 1 and ${max}`);
  }
  return value;
}

export function readHostConfig(root: string): HostConfig {
  const file = join(root, 'host.json');
  const json: Record<string, unknown> = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
    : {};
  const extensions = (json.extensions ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const http = extensions.http ?? {};
  const queues = extensions.queues ?? {};
  const encoding = (typeof queues.messageEncoding === 'string' ? queues.messageEncoding : 'base64').toLowerCase();
  if (encoding !== 'base64' && encoding !== 'none') {
    throw new Error(`host.json: extensions.queues.messageEncoding must be "base64" or "none"`);
  }
  return {
    routePrefix: typeof http.routePrefix === 'string' ? http.routePrefix.replace(/^\/+|\/+$/g, '') : 'api',
    queues: {
      batchSize: positiveInt(queues.batchSize, 16, 'extensions.queues.batchSize', 32),
      maxDequeueCount: positiveInt(queues.maxDequeueCount, 5, 'extensions.queues.maxDequeueCount'),
      visibilityTimeoutMs: parseTimeSpan(queues.visibilityTimeout, 0, 'extensions.queues.visibilityTimeout'),
      // The real host's default is 1 minute (QueuePollingIntervals.DefaultMaximum); locally we
      // default to 2 s so a freshly queued job is picked up quickly when host.json says nothing.
      maxPollingIntervalMs: parseTimeSpan(queues.maxPollingInterval, 2000, 'extensions.queues.maxPollingInterval'),
      messageEncoding: encoding,
    },
  };
}

/**
 * Resolves `%AppSetting%` binding expressions the way the host does for queueName, schedule and
 * connection values (https://learn.microsoft.com/azure/azure-functions/functions-bindings-expressions-patterns#binding-expressions---app-settings).
 */
export function resolveAppSettings(value: string, env: NodeJS.ProcessEnv = process.env): string {
  return value.replace(/%([^%]+)%/g, (_, name: string) => {
    const resolved = env[name];
    if (resolved === undefined) throw new Error(`App setting "${name}" (used as %${name}%) is not set`);
    return resolved;
  });
}
