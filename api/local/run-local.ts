// The whole local runtime in one call: Azurite (unless AzureWebJobsStorage names a storage), app settings,
// the registered functions, and the single-origin HTTP host plus queue and timer runners. `npm start` and the e2e/bench suites use it.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config';
import { freeAzuritePorts, startAzurite, type AzuriteHandle } from './azurite';
import type { Registration } from './functions-core-shim';
import { readHostConfig } from './host-config';
import { startHttpHost, type HttpHost } from './http-host';
import { consoleLogger, logLine, warnUnsupportedOutputs, type Logger } from './invocation';
import { loadApp } from './load-app';
import { SWA_CONFIG_SOURCE } from './swa-config';
import { startQueueRunner, type QueueRunner } from './queue-runner';
import { startTimerRunner, type TimerRunner } from './timer-runner';

export interface StartLocalOptions {
  /** App root with package.json `main`, host.json and local.settings.json (default: cwd). */
  root?: string;
  /** HTTP port; 0 picks a free one (default: PORT or 4280). */
  port?: number;
  host?: string;
  /** In-memory Azurite on free ports instead of persistent `.azurite/` on 10000-10002. */
  inMemoryStorage?: boolean;
  staticRoot?: string;
  swaConfigPath?: string;
  /** App settings that win over the environment and local.settings.json (restored on stop). */
  env?: Record<string, string>;
  /** Only warnings and errors are logged. */
  quiet?: boolean;
  logger?: Logger;
}

export interface LocalRuntime {
  url: string;
  port: number;
  storageConnectionString: string;
  registry: Registration[];
  stop(): Promise<void>;
}

/**
 * Applies app settings like Core Tools does with local.settings.json `Values`: they never
 * override variables already set in the environment. Returns an undo function.
 */
function applySettings(
  root: string,
  overrides: Record<string, string>,
  storage: string,
  isolated: boolean,
): () => void {
  const saved = new Map<string, string | undefined>();
  const set = (key: string, value: string) => {
    if (!saved.has(key)) saved.set(key, process.env[key]);
    process.env[key] = value;
  };
  const file = join(root, 'local.settings.json');
  if (existsSync(file)) {
    const values = (JSON.parse(readFileSync(file, 'utf8')) as { Values?: Record<string, unknown> }).Values ?? {};
    for (const [key, value] of Object.entries(values)) {
      if (process.env[key] === undefined && value !== null && value !== undefined)
        set(key, typeof value === 'string' ? value : JSON.stringify(value));
    }
  }
  for (const [key, value] of Object.entries(overrides)) set(key, value);
  // "UseDevelopmentStorage=true" means the default ports; ours may differ, so spell them out.
  // In-memory storage is a test's own: an AzureWebJobsStorage inherited from a parent process (a
  // test runner that started another runtime) must not point this one at someone else's data.
  const current = process.env.AzureWebJobsStorage;
  if (!current || DEVELOPMENT_STORAGE.test(current.trim()) || (isolated && !('AzureWebJobsStorage' in overrides)))
    set('AzureWebJobsStorage', storage);
  if (!process.env.FUNCTIONS_WORKER_RUNTIME) set('FUNCTIONS_WORKER_RUNTIME', 'node');
  return () => {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}

const DEVELOPMENT_STORAGE = /^UseDevelopmentStorage=true;?$/i;

/**
 * The storage connection the settings name, if it is a real one (not empty, not
 * "UseDevelopmentStorage=true"): the caller's own `env` first, then — unless in-memory storage was
 * asked for, which is a test's own and never inherited — the environment and local.settings.json.
 */
export function namedStorage(root: string, overrides: Record<string, string>, isolated: boolean): string | undefined {
  const real = (value: unknown) =>
    typeof value === 'string' && value.trim() !== '' && !DEVELOPMENT_STORAGE.test(value.trim()) ? value : undefined;
  if ('AzureWebJobsStorage' in overrides) return real(overrides.AzureWebJobsStorage);
  if (isolated) return undefined;
  if (process.env.AzureWebJobsStorage !== undefined) return real(process.env.AzureWebJobsStorage);
  const file = join(root, 'local.settings.json');
  if (!existsSync(file)) return undefined;
  const values = (JSON.parse(readFileSync(file, 'utf8')) as { Values?: Record<string, unknown> }).Values ?? {};
  return real(values.AzureWebJobsStorage);
}

function quietLogger(base: Logger): Logger {
  return (line) => {
    if (/\b(warning|error|critical|failed|threw)\b/i.test(line)) base(line);
  };
}

export async function startLocal(options: StartLocalOptions = {}): Promise<LocalRuntime> {
  const root = resolve(options.root ?? process.cwd());
  const logger = options.quiet ? quietLogger(options.logger ?? consoleLogger) : (options.logger ?? consoleLogger);
  const hostConfig = readHostConfig(root);
  const stops: Array<() => Promise<void> | void> = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) {
      try {
        await stop();
      } catch (error) {
        logLine(logger, `[local] error while stopping: ${(error as Error).message}`);
      }
    }
  };

  try {
    // Storage named by the settings is used as it is, like Core Tools does: no Azurite of our own,
    // so a test can kill this runtime and keep its storage (in Azure, storage outlives an instance).
    const named = namedStorage(root, options.env ?? {}, options.inMemoryStorage === true);
    let storage: string;
    if (named) {
      storage = named;
      logLine(logger, '[local] AzureWebJobsStorage names a storage account: not starting Azurite');
    } else {
      const ports = options.inMemoryStorage
        ? await freeAzuritePorts()
        : { blobPort: 10000, queuePort: 10001, tablePort: 10002 };
      const azurite: AzuriteHandle = await startAzurite({ ...ports, root, inMemory: options.inMemoryStorage });
      stops.push(() => azurite.stop());
      storage = azurite.connectionString;
    }
    stops.push(applySettings(root, options.env ?? {}, storage, options.inMemoryStorage === true));
    // A bad app setting stops the start, named, instead of a "ready" app answering 500 (issue #11 item 9).
    loadConfig();

    const { registry } = loadApp(root);
    warnUnsupportedOutputs(registry, logger);
    const http: HttpHost = await startHttpHost({
      port: options.port ?? Number(process.env.PORT ?? 4280),
      host: options.host ?? '127.0.0.1',
      registry,
      staticRoot: options.staticRoot ?? join(root, 'web/dist'),
      swaConfigPath: options.swaConfigPath ?? join(root, SWA_CONFIG_SOURCE),
      routePrefix: hostConfig.routePrefix,
      logger,
    });
    stops.push(() => http.close());
    const queues: QueueRunner = await startQueueRunner({ registry, settings: hostConfig.queues, logger });
    stops.push(() => queues.stop());
    const timers: TimerRunner = startTimerRunner({ registry, logger });
    stops.push(() => timers.stop());

    let stopping: Promise<void> | undefined;
    return {
      url: http.url,
      port: http.port,
      storageConnectionString: storage,
      registry,
      stop: () => (stopping ??= stopAll()),
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
