// Run in its own process by run.ts: the app's deps are a per-process singleton, and this pass needs
// the azure provider wired to the Foundry emulator rather than the offline engine.
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startLocal } from '../../api/local/start';
import { emulatedAzureEnv } from '../fakes/foundry-emulator/app-env';
import { startFoundryEmulator } from '../fakes/foundry-emulator/emulator';
import { percentile } from './stats';

const STREAMS = 50;
const QUESTION = 'hello there';

/** Milliseconds until the first chunk that carries assistant text (`marker` found in the stream). */
async function firstContentMs(url: string, init: RequestInit, marker: RegExp): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, init);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let at = NaN;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (Number.isNaN(at) && marker.test(text)) at = performance.now() - started;
  }
  return at;
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  const emulator = await startFoundryEmulator({ chunkDelayMs: 0 });
  const runtime = await startLocal({ root, port: 0, inMemoryStorage: true, quiet: true, env: emulatedAzureEnv(emulator) });
  try {
    const directOnce = () =>
        firstContentMs(
          `${emulator.url}/openai/v1/chat/completions`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'api-key': emulator.apiKey },
            body: JSON.stringify({
              model: 'model-router',
              stream: true,
              messages: [{ role: 'system', content: 'You are the Harborstone Bank assistant (Banking).' }, { role: 'user', content: QUESTION }],
            }),
          },
          /"content":"[^"]/,
        );
    const oursOnce = (i: number) =>
        firstContentMs(
          `${runtime.url}/api/chat`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ sessionId: `bench-${i}-session`, modeId: 'banking', personaSeed: i, messages: [{ role: 'user', content: QUESTION }] }),
          },
          /event: delta/,
        );
    // Warm up both paths first (lazy SDK loads, connection pools): the bench measures steady state.
    for (let i = 0; i < 5; i++) {
      await directOnce();
      await oursOnce(1000 + i);
    }
    const direct = await Promise.all(Array.from({ length: STREAMS }, directOnce));
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const ours = await Promise.all(Array.from({ length: STREAMS }, (_, i) => oursOnce(i)));
    loop.disable();
    const p = (xs: number[], q: number) => percentile(xs.filter((x) => !Number.isNaN(x)), q);
    process.stdout.write(
      JSON.stringify({
        emulator: { p50: p(direct, 50), p95: p(direct, 95) },
        ours: { p50: p(ours, 50), p95: p(ours, 95), missing: ours.filter(Number.isNaN).length },
        overhead: { p50: p(ours, 50) - p(direct, 50), p95: p(ours, 95) - p(direct, 95) },
        eventLoopP99: loop.percentile(99) / 1e6,
      }),
    );
  } finally {
    await runtime.stop();
    await emulator.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
