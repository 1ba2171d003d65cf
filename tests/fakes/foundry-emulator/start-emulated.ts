// `npm run start:emulated`: the demo on the azure provider, wired to a local Foundry emulator with
// key auth — the Azure code path by hand, with no Azure. Same local runtime as `npm start`.
import { resolve } from 'node:path';
import { consoleLogger } from '../../../api/local/invocation';
import { startLocal } from '../../../api/local/start';
import { buildWebIfStale } from '../../../api/local/web-build';
import { emulatedAzureEnv } from './app-env';
import { EMULATED_STRICTNESS, startFoundryEmulator } from './emulator';
import { latencyProfile, NO_LATENCY } from './latency';
import { swaConfigAllowing } from './realtime/csp';
import { throttleFromEnv } from './throttle';

async function main(): Promise<void> {
  // dist/tests/fakes/foundry-emulator/start-emulated.js → the project root.
  const root = resolve(__dirname, '../../../..');
  buildWebIfStale(root, consoleLogger);
  // EMULATOR_LATENCY=realistic: Azure-like waits (latency.ts), so the demo feels as it will on Azure.
  const latency = latencyProfile(process.env.EMULATOR_LATENCY);
  const emulator = await startFoundryEmulator({
    port: Number(process.env.EMULATOR_PORT ?? 0),
    chunkDelayMs: latency === NO_LATENCY ? 15 : 0,
    latency,
    // EMULATOR_THROTTLE=0.5:500: half of the chat completions answered 429 with retry-after-ms 500.
    ...(process.env.EMULATOR_THROTTLE ? { throttle: throttleFromEnv(process.env.EMULATOR_THROTTLE) } : {}),
    strict: EMULATED_STRICTNESS,
  });
  // Voice posts its SDP offer to the emulator: its origin joins the CSP connect-src.
  const runtime = await startLocal({
    root,
    port: Number(process.env.PORT ?? 4280),
    swaConfigPath: swaConfigAllowing(root, emulator.url),
    env: emulatedAzureEnv(emulator),
  });
  console.log(
    `\nFoundry emulator: ${emulator.url}/openai/v1/ (api-key: ${emulator.apiKey}; deployments: ${emulator.deployments.map((d) => d.name).join(', ')})`,
  );
  if (latency !== NO_LATENCY)
    console.log(
      'Latency: realistic (EMULATOR_LATENCY=realistic): ~0.8 s + 100 tokens/s chat, ~1.7 s + reasoning + 155 tokens/s gpt-5-mini, ~12 s per image',
    );
  console.log(
    `Presto-Change-O on the azure provider: ${runtime.url}  (health: ${runtime.url}/api/health?deep=1; Ctrl-C to stop)`,
  );
  console.log(
    `Voice: the emulator cannot understand a microphone; make the user speak with POST ${emulator.url}/_emulator/realtime/calls/<call id>/say {"transcript":"…"} (README, Voice)\n`,
  );
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    setTimeout(() => process.exit(0), 10_000).unref();
    void runtime
      .stop()
      .then(() => emulator.stop())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`[emulated] could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
