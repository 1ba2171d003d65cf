// `npm run smoke`: one command that proves a deployment works — every capability once, for real,
// at minimal cost, in well under two minutes — or, without Azure settings, the same checks against
// the bundled Foundry emulator and an in-memory Azurite (how CI keeps the smoke itself working).
import { loadConfig, type Config } from '../../api/config';
import { freeAzuritePorts, startAzurite, type AzuriteHandle } from '../../api/local/azurite';
import { EMULATED_STRICTNESS, startFoundryEmulator, type FoundryEmulator } from '../fakes/foundry-emulator';
import { STRICT_REALTIME } from '../fakes/foundry-emulator/realtime/strictness';
import { chatCheck } from './checks/chat';
import { healthCheck } from './checks/health';
import { imageCheck } from './checks/image';
import { realtimeCheck } from './checks/realtime';
import { storageCheck } from './checks/storage';
import { structuredCheck } from './checks/structured';
import { timerCheck } from './checks/timer';
import { buildContext, type SmokeContext } from './context';
import type { SmokeReport } from './report';
import { runChecks } from './runner';
import {
  azureSettings,
  emulatorSettings,
  readAzdEnv,
  readLocalSettings,
  wantsEmulator,
  type Settings,
  type Sources,
} from './settings';

/** The whole run, checks included, ends well inside two minutes (each check also has its own cap). */
export const DEADLINE_MS = 105_000;

export interface SmokeOptions {
  /** Project root (package.json `main` names the compiled app there). */
  root: string;
  processEnv: Settings;
  /** Ignore any Azure settings and use the bundled emulator (what `npm test` does). */
  emulator?: boolean;
  /** Overrides for tests: where azd and local.settings.json values come from. */
  sources?: Partial<Pick<Sources, 'azd' | 'localSettings'>>;
  /** Progress lines (stderr in the CLI), never the report itself. */
  log?(line: string): void;
}

/** Runs every check and returns the report; throws only when the configuration cannot be read. */
export async function runSmoke(options: SmokeOptions): Promise<SmokeReport> {
  const started = performance.now();
  const sources: Sources = {
    processEnv: options.processEnv,
    azd: options.sources?.azd ?? (options.emulator ? {} : readAzdEnv(options.root)),
    localSettings: options.sources?.localSettings ?? (options.emulator ? {} : readLocalSettings(options.root)),
  };
  const emulated = options.emulator === true || wantsEmulator(sources);
  const stops: (() => Promise<void>)[] = [];
  try {
    let env: Settings;
    let describe: string;
    if (emulated) {
      const { emulator, azurite } = await startEmulatedAzure(options.root, stops);
      env = emulatorSettings(options.processEnv, emulator, azurite.connectionString);
      describe = `EMULATOR: the bundled Foundry emulator at ${emulator.url} (key auth) and an in-memory Azurite — no Azure was called`;
    } else {
      env = azureSettings(sources);
      describe = '';
    }
    let config: Config;
    try {
      config = loadConfig(env);
    } catch (error) {
      return configFailure(emulated, (error as Error).message, started);
    }
    if (!emulated) describe = describeAzure(config);
    const ctx = buildContext({
      target: emulated ? 'emulator' : 'azure',
      config,
      env,
      root: options.root,
      loopback: emulated,
    });
    const checks = [chatCheck, structuredCheck, realtimeCheck, imageCheck, storageCheck, timerCheck].map((c) => c(ctx));
    if (!emulated && env.API_URL) checks.push(healthCheck(env.API_URL));
    options.log?.(
      `smoke: ${checks.length} checks against ${describe.split(' — ')[0]} (at most ${DEADLINE_MS / 1000} s)…`,
    );
    // Reading azd and starting the emulator count against the same two minutes.
    const results = await runChecks(checks, { deadlineMs: DEADLINE_MS - (performance.now() - started) });
    return { target: ctx.target, describe, results, totalMs: performance.now() - started };
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  }
}

async function startEmulatedAzure(
  root: string,
  stops: (() => Promise<void>)[],
): Promise<{ emulator: FoundryEmulator; azurite: AzuriteHandle }> {
  const [emulator, azurite] = await Promise.allSettled([
    // Reasoning tokens come out of max_completion_tokens, as on Azure (the e2e azure pass does the same).
    startFoundryEmulator({ strict: EMULATED_STRICTNESS }),
    startInMemoryAzurite(root),
  ]);
  // Whatever started is stopped by the caller, even when the other one failed.
  if (emulator.status === 'fulfilled') stops.push(() => emulator.value.stop());
  if (azurite.status === 'fulfilled') stops.push(() => azurite.value.stop());
  if (emulator.status === 'rejected') throw emulator.reason;
  if (azurite.status === 'rejected') throw azurite.reason;
  // Hold the smoke to what Azure documents, not to what a lenient fake accepts: the mint takes only
  // Azure's documented session fields (the rest must travel as session.update) and omits expires_at.
  emulator.value.realtime.strict(STRICT_REALTIME);
  return { emulator: emulator.value, azurite: azurite.value };
}

/**
 * Azurite takes its ports as numbers, so they are picked free first; another process (a parallel
 * test run) can take one in between, and then new ones are picked (three tries, then the error).
 */
async function startInMemoryAzurite(root: string): Promise<AzuriteHandle> {
  for (let attempt = 1; ; attempt++) {
    const ports = await freeAzuritePorts();
    try {
      return await startAzurite({ root, inMemory: true, ...ports });
    } catch (error) {
      if (attempt >= 3 || !/already in use|EADDRINUSE/i.test(String(error))) throw error;
    }
  }
}

function describeAzure(config: Config): string {
  const auth = config.AZURE_OPENAI_API_KEY
    ? 'API key'
    : `Microsoft Entra ID (AZURE_CREDENTIAL=${config.AZURE_CREDENTIAL})`;
  const storage = config.AzureWebJobsStorage
    ? 'storage from the AzureWebJobsStorage connection string'
    : `storage ${new URL(config.AzureWebJobsStorage__blobServiceUri ?? 'https://unset').host} (your identity)`;
  return `AZURE: ${config.AZURE_OPENAI_ENDPOINT} with ${auth}, ${storage}`;
}

function configFailure(emulated: boolean, message: string, started: number): SmokeReport {
  return {
    target: emulated ? 'emulator' : 'azure',
    describe: emulated
      ? 'EMULATOR (not started: the configuration is invalid)'
      : 'AZURE (the configuration is invalid)',
    results: [
      {
        id: 'config',
        title: 'configuration',
        outcome: 'failed',
        latencyMs: 0,
        detail: message,
        fix: 'fix the variables named (environment, azd env, or local.settings.json Values)',
      },
    ],
    totalMs: performance.now() - started,
  };
}

export type { SmokeContext };
