// Run in its own process by run.ts. Three processes, as in production, so the figure is our API's
// own cost and not the price of sharing one event loop with the emulator and the load generator:
//   this process  — the load generator (50 clients);
//   an `emulator` child — the Foundry emulator (stands in for Azure OpenAI);
//   an `api` child — the local Functions runtime on the azure provider, wired to the emulator.
// Both paths are measured from this process, so the client's own cost is in both and cancels out.
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { startBenchChild, stopBenchChild, type BenchChild } from './child-process';
import { startLocal } from '../../api/local/start';
import { emulatedAzureEnv } from '../fakes/foundry-emulator/app-env';
import { startFoundryEmulator } from '../fakes/foundry-emulator/emulator';
import { latencyProfile } from '../fakes/foundry-emulator/latency';
import { percentile } from './stats';

const STREAMS = 50;
/**
 * What one Flex Consumption instance takes at once before the platform adds another: the default
 * HTTP concurrency for 2,048 MB instances, which infra/modules/function-app.bicep sets explicitly
 * (https://learn.microsoft.com/azure/azure-functions/functions-concurrency#http-trigger-concurrency).
 */
const PER_INSTANCE = 16;
const ROUNDS = 3;
const SEQUENTIAL = 20;
const QUESTION = 'hello there';

/** A stretch of the run the API child measures on its own side: its CPU, event-loop delay and (optionally) a profile. */
type Window = 'one-at-a-time' | 'concurrent';
type ToChild = { type: 'loop-start'; window: Window } | { type: 'loop-stop' } | { type: 'stop' };
type FromChild =
  | { type: 'ready'; url: string; apiKey?: string }
  | { type: 'loop-started' }
  | { type: 'loop'; p99Ms: number; cpuMs: number; systemCpuMs: number }
  | { type: 'failed'; message: string };

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

// ---- children ---------------------------------------------------------------------------------

async function runChild(role: string): Promise<void> {
  const send = (m: FromChild) => process.send!(m);
  let stop: () => Promise<void>;
  let loop: IntervalHistogram | undefined;
  let cpuAtStart: NodeJS.CpuUsage | undefined;
  let profiler: Session | undefined;
  let window: Window | undefined;
  if (role === 'emulator') {
    // EMULATOR_LATENCY=realistic npm run bench: the same scenarios with Azure-like waits (latency.ts).
    const emulator = await startFoundryEmulator({
      chunkDelayMs: 0,
      latency: latencyProfile(process.env.EMULATOR_LATENCY),
    });
    stop = () => emulator.stop();
    send({ type: 'ready', url: emulator.url, apiKey: emulator.apiKey });
  } else {
    const root = path.resolve(__dirname, '../../..');
    const emulator = { url: process.env.BENCH_EMULATOR_URL!, apiKey: process.env.BENCH_EMULATOR_KEY! };
    // A generous demo budget: the bench measures latency, not the per-visitor limits.
    const env = { ...emulatedAzureEnv(emulator), PRESTO_DEMO_REQUESTS_PER_MINUTE: '100000' };
    const runtime = await startLocal({ root, port: 0, inMemoryStorage: true, quiet: true, env });
    stop = () => runtime.stop();
    send({ type: 'ready', url: runtime.url });
  }
  const profileDir = role === 'api' ? process.env.BENCH_PROFILE_DIR : undefined;
  const onMessage = async (m: ToChild) => {
    if (m.type === 'loop-start') {
      window = m.window;
      if (profileDir) profiler = await startProfile();
      loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      cpuAtStart = process.cpuUsage();
      send({ type: 'loop-started' });
    } else if (m.type === 'loop-stop' && loop) {
      loop.disable();
      // CPU time is what a crowd queues behind; unlike latency it hardly moves with the machine's load.
      const cpu = process.cpuUsage(cpuAtStart);
      if (profiler && profileDir) await writeProfile(profiler, path.join(profileDir, `api-${window}.cpuprofile`));
      profiler = undefined;
      send({
        type: 'loop',
        p99Ms: loop.percentile(99) / 1e6,
        cpuMs: (cpu.user + cpu.system) / 1000,
        systemCpuMs: cpu.system / 1000,
      });
    } else if (m.type === 'stop') {
      void stop().finally(() => process.exit(0));
    }
  };
  process.on('message', (m: ToChild) => {
    onMessage(m).catch((error: unknown) => send({ type: 'failed', message: String(error) }));
  });
}

/**
 * A CPU profile of one measured stretch alone (start-up and warm-up left out), sampled every
 * 100 µs so a stream's few milliseconds show up as more than a handful of samples.
 */
async function startProfile(): Promise<Session> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  return session;
}

async function writeProfile(session: Session, file: string): Promise<void> {
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  await writeFile(file, JSON.stringify(profile));
}

// ---- the load generator -------------------------------------------------------------------------

type Child = BenchChild<FromChild>;
const startChild = (role: 'emulator' | 'api', env: Record<string, string> = {}) =>
  startBenchChild<FromChild>(__filename, role, { env });
const stopChild = stopBenchChild;

async function main(): Promise<void> {
  let emulator: Child | undefined;
  let api: Child | undefined;
  try {
    emulator = await startChild('emulator');
    api = await startChild('api', {
      BENCH_EMULATOR_URL: emulator.ready.url,
      BENCH_EMULATOR_KEY: emulator.ready.apiKey!,
    });
    const { url: emulatorUrl, apiKey } = emulator.ready;
    const directOnce = () =>
      firstContentMs(
        `${emulatorUrl}/openai/v1/chat/completions`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'api-key': apiKey! },
          body: JSON.stringify({
            model: 'model-router',
            stream: true,
            messages: [
              { role: 'system', content: 'You are the Harborstone Bank assistant (Banking).' },
              { role: 'user', content: QUESTION },
            ],
          }),
        },
        /"content":"[^"]/,
      );
    // `visitor` i: its own sessionId and address; the same i again is a returning visitor.
    const oursOnce = (i: number) =>
      firstContentMs(
        `${api!.ready.url}/api/chat`,
        {
          method: 'POST',
          // 50 visitors from 50 places, as on a public site (one address would share one network budget).
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.18.${i >> 8}.${i & 255}` },
          body: JSON.stringify({
            sessionId: `bench-${i}-session`,
            modeId: 'banking',
            personaSeed: i,
            messages: [{ role: 'user', content: QUESTION }],
          }),
        },
        /event: delta/,
      );
    // Warm up both paths first (lazy SDK loads, connection pools): the bench measures steady state.
    for (let i = 0; i < 5; i++) {
      await directOnce();
      await oursOnce(1000 + i);
    }
    // One stream at a time: the latency our API adds to a single answer, for a first-time visitor
    // (its budget counters are created on the way) and for one asking question after question.
    const seqDirect: number[] = [];
    const seqOurs: number[] = [];
    const seqReturning: number[] = [];
    const measured = async (window: Window, run: () => Promise<void>) => {
      const started = api!.next('loop-started');
      api!.process.send({ type: 'loop-start', window } satisfies ToChild);
      await started;
      await run();
      const done = api!.next('loop');
      api!.process.send({ type: 'loop-stop' } satisfies ToChild);
      return (await done) as Extract<FromChild, { type: 'loop' }>;
    };
    const oneAtATime = await measured('one-at-a-time', async () => {
      for (let i = 0; i < SEQUENTIAL; i++) {
        seqDirect.push(await directOnce());
        seqOurs.push(await oursOnce(2000 + i));
        seqReturning.push(await oursOnce(3000));
      }
    });
    // 50 at once, ROUNDS times with new visitors each round: what a crowd adds (queueing on one
    // instance's event loop included); one round's 50 samples alone move a lot between runs.
    const direct: number[] = [];
    const ours: number[] = [];
    for (let round = 0; round < ROUNDS; round++)
      direct.push(...(await Promise.all(Array.from({ length: STREAMS }, directOnce))));
    const { p99Ms, cpuMs, systemCpuMs } = await measured('concurrent', async () => {
      for (let round = 0; round < ROUNDS; round++)
        ours.push(...(await Promise.all(Array.from({ length: STREAMS }, (_, i) => oursOnce(round * STREAMS + i)))));
    });
    // One instance's share of a crowd in Azure: PER_INSTANCE at once, ROUNDS times with new visitors.
    const directPerInstance: number[] = [];
    const oursPerInstance: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      directPerInstance.push(...(await Promise.all(Array.from({ length: PER_INSTANCE }, directOnce))));
      oursPerInstance.push(
        ...(await Promise.all(
          Array.from({ length: PER_INSTANCE }, (_, i) => oursOnce(4000 + round * PER_INSTANCE + i)),
        )),
      );
    }
    const p = (xs: number[], q: number) =>
      percentile(
        xs.filter((x) => !Number.isNaN(x)),
        q,
      );
    process.stdout.write(
      JSON.stringify({
        sequential: {
          emulator: { p50: p(seqDirect, 50), p95: p(seqDirect, 95) },
          ours: { p50: p(seqOurs, 50), p95: p(seqOurs, 95) },
          overhead: { p50: p(seqOurs, 50) - p(seqDirect, 50), p95: p(seqOurs, 95) - p(seqDirect, 95) },
        },
        returning: {
          overhead: { p50: p(seqReturning, 50) - p(seqDirect, 50), p95: p(seqReturning, 95) - p(seqDirect, 95) },
        },
        emulator: { p50: p(direct, 50), p95: p(direct, 95) },
        ours: {
          p50: p(ours, 50),
          p95: p(ours, 95),
          missing: [...ours, ...seqOurs, ...seqReturning, ...oursPerInstance].filter(Number.isNaN).length,
        },
        overhead: { p50: p(ours, 50) - p(direct, 50), p95: p(ours, 95) - p(direct, 95) },
        perInstance: {
          streams: PER_INSTANCE,
          overhead: {
            p50: p(oursPerInstance, 50) - p(directPerInstance, 50),
            p95: p(oursPerInstance, 95) - p(directPerInstance, 95),
          },
        },
        eventLoopP99: p99Ms,
        cpuMsPerStream: cpuMs / (STREAMS * ROUNDS),
        // The kernel's share (socket reads and writes on loopback), out of cpuMsPerStream.
        systemCpuMsPerStream: systemCpuMs / (STREAMS * ROUNDS),
        // One at a time the API has nothing to queue behind: its CPU per stream is the per-turn work itself.
        sequentialCpuMsPerStream: oneAtATime.cpuMs / (2 * SEQUENTIAL),
      }),
    );
  } finally {
    await stopChild(api);
    await stopChild(emulator);
  }
}

const role = process.argv[2];
(role ? runChild(role) : main()).catch((error: unknown) => {
  if (role)
    process.send?.({
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
    } satisfies FromChild);
  console.error(error);
  process.exitCode = 1;
});
