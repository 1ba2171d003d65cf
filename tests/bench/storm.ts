// The 429 storm (issue #16 item 3), run in its own process by run.ts: 50 visitors chatting at once,
// each asking again as soon as an answer ends, for BENCH_STORM_SECONDS (default 300) on the azure
// provider, against the emulator's realistic latency (latency.ts) with half of all upstream calls
// answered 429 with `retry-after-ms` (throttle.ts). Three processes, as in azure-overhead.ts:
//   this process  — the load generator;
//   an `emulator` child — the throttled Foundry emulator;
//   an `api` child — the local Functions runtime, which measures its own event-loop delay and RSS.
// Prints one JSON line: outcomes by kind, event-loop delay p99 and RSS at start and end.
import path from 'node:path';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { getHeapSpaceStatistics, getHeapStatistics } from 'node:v8';
import { startBenchChild, stopBenchChild, type BenchChild } from './child-process';
import { startLocal } from '../../api/local/start';
import { emulatedAzureEnv } from '../fakes/foundry-emulator/app-env';
import { startFoundryEmulator } from '../fakes/foundry-emulator/emulator';
import { REALISTIC_LATENCY } from '../fakes/foundry-emulator/latency';

const STREAMS = 50;
const SECONDS = Number(process.env.BENCH_STORM_SECONDS ?? 300);
/** Seconds of the same storm before measuring starts (see the warm-up in main). */
const WARMUP_SECONDS = Number(process.env.BENCH_STORM_WARMUP_SECONDS ?? 30);
/**
 * Half of the upstream calls refused, each asking for this pause (Azure sends retry-after-ms).
 * BENCH_STORM_THROTTLE=0 runs the same load with no 429s: the difference is what the storm adds.
 */
const THROTTLE = { fraction: Number(process.env.BENCH_STORM_THROTTLE ?? 0.5), retryAfterMs: 500 };
/** A stream with no terminal event after this is counted as hung (the API's own timeout is 30 s per gap). */
const HANG_MS = 120_000;
/** How often the API child samples its memory during the storm. */
const SAMPLE_MS = 10_000;

type ToChild = { type: 'measure-start' } | { type: 'measure-stop' } | { type: 'stop' };
type FromChild =
  | { type: 'ready'; url: string; apiKey?: string }
  | {
      type: 'measured';
      p99Ms: number;
      maxMs: number;
      rssStartMb: number;
      rssEndMb: number;
      heapStartMb: number;
      heapEndMb: number;
      /** CPU time (user + system) the API process spent during the storm: unlike latency, hardly moved by the machine's load. */
      cpuMs: number;
      heapCommittedStartMb: number;
      heapCommittedEndMb: number;
      /** Committed MB per V8 heap space (new_space, old_space, code_space, …) at start and end. */
      heapSpacesMb: { start: Record<string, number>; end: Record<string, number> };
      externalStartMb: number;
      externalEndMb: number;
      arrayBuffersEndMb: number;
      /** RSS / heapUsed / external in MB every SAMPLE_MS (no forced GC): where growth outside the heap shows. */
      samples: Array<[number, number, number]>;
    }
  | { type: 'failed'; message: string };

const mb = (bytes: number) => bytes / (1024 * 1024);

async function runChild(role: string): Promise<void> {
  const send = (m: FromChild) => process.send!(m);
  let stop: () => Promise<void>;
  if (role === 'emulator') {
    const emulator = await startFoundryEmulator({ chunkDelayMs: 0, latency: REALISTIC_LATENCY, throttle: THROTTLE });
    stop = () => emulator.stop();
    send({ type: 'ready', url: emulator.url, apiKey: emulator.apiKey });
  } else {
    const root = path.resolve(__dirname, '../../..');
    const emulator = { url: process.env.BENCH_EMULATOR_URL!, apiKey: process.env.BENCH_EMULATOR_KEY! };
    const env = {
      ...emulatedAzureEnv(emulator),
      PRESTO_DEMO_REQUESTS_PER_MINUTE: '100000',
      PRESTO_DEMO_TOKENS_PER_DAY: '100000000',
    };
    const runtime = await startLocal({ root, port: 0, inMemoryStorage: true, quiet: true, env });
    stop = () => runtime.stop();
    send({ type: 'ready', url: runtime.url });
  }
  let loop: IntervalHistogram | undefined;
  let start: ReturnType<typeof settledMemory> = {
    rss: 0,
    heap: 0,
    committed: 0,
    spaces: {},
    external: 0,
    arrayBuffers: 0,
  };
  let samples: Array<[number, number, number]> = [];
  let sampler: NodeJS.Timeout | undefined;
  let cpuAtStart: NodeJS.CpuUsage | undefined;
  // A full collection before each reading (the API child runs with --expose-gc), so what is compared
  // is memory still held, not garbage the collector had not got round to.
  const settledMemory = () => {
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    // total_heap_size is what V8 has committed for the JS heap (used or not): RSS follows it, not heapUsed.
    const committed = getHeapStatistics().total_heap_size;
    const spaces = Object.fromEntries(
      getHeapSpaceStatistics().map((s) => [s.space_name, Math.round(mb(s.space_size))]),
    );
    return { rss: m.rss, heap: m.heapUsed, committed, spaces, external: m.external, arrayBuffers: m.arrayBuffers };
  };
  const round = (bytes: number) => Math.round(mb(bytes));
  process.on('message', (m: ToChild) => {
    if (m.type === 'measure-start') {
      start = settledMemory();
      loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      cpuAtStart = process.cpuUsage();
      samples = [];
      sampler = setInterval(() => {
        const now = process.memoryUsage();
        samples.push([round(now.rss), round(now.heapUsed), round(now.external)]);
      }, SAMPLE_MS);
    } else if (m.type === 'measure-stop' && loop) {
      loop.disable();
      clearInterval(sampler);
      const cpu = process.cpuUsage(cpuAtStart);
      const end = settledMemory();
      send({
        type: 'measured',
        p99Ms: loop.percentile(99) / 1e6,
        maxMs: loop.max / 1e6,
        rssStartMb: mb(start.rss),
        rssEndMb: mb(end.rss),
        heapStartMb: mb(start.heap),
        heapEndMb: mb(end.heap),
        cpuMs: (cpu.user + cpu.system) / 1000,
        heapCommittedStartMb: mb(start.committed),
        heapCommittedEndMb: mb(end.committed),
        heapSpacesMb: { start: start.spaces, end: end.spaces },
        externalStartMb: mb(start.external),
        externalEndMb: mb(end.external),
        arrayBuffersEndMb: mb(end.arrayBuffers),
        samples,
      });
    } else if (m.type === 'stop') {
      void stop().finally(() => process.exit(0));
    }
  });
}

type Child = BenchChild<FromChild>;
const startChild = (role: 'emulator' | 'api', env: Record<string, string> = {}) =>
  startBenchChild<FromChild>(__filename, role, { env, apiExecArgv: ['--expose-gc'] });
const stopChild = stopBenchChild;

/** How one chat request ended, as the visitor sees it. */
type Outcome = 'completed' | 'retryable_error' | 'final_error' | 'cut_off' | 'hung' | `http_${number}`;

async function chatOnce(base: string, visitor: number, turn: number): Promise<{ outcome: Outcome; code?: string }> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), HANG_MS);
  try {
    const res = await fetch(`${base}/api/chat`, {
      method: 'POST',
      signal: abort.signal,
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.18.${visitor >> 8}.${visitor & 255}` },
      body: JSON.stringify({
        sessionId: `storm-${visitor}-session`,
        modeId: 'banking',
        personaSeed: visitor,
        messages: [{ role: 'user', content: turn % 2 ? 'What is my checking balance?' : 'hello there' }],
      }),
    });
    if (res.status !== 200) {
      const body = (await res.json().catch(() => undefined)) as { error?: { retryable?: boolean } } | undefined;
      return { outcome: body?.error?.retryable ? 'retryable_error' : `http_${res.status}` };
    }
    const text = await res.text();
    for (const line of text.split('\n')) {
      if (!line.startsWith('data: ')) continue;
      const event = JSON.parse(line.slice(6)) as { type: string; retryable?: boolean; code?: string };
      if (event.type === 'done') return { outcome: 'completed' };
      if (event.type === 'error')
        return {
          outcome: event.retryable ? 'retryable_error' : 'final_error',
          ...(event.code ? { code: event.code } : {}),
        };
    }
    return { outcome: 'cut_off' };
  } catch (error) {
    if (abort.signal.aborted) return { outcome: 'hung' };
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function main(): Promise<void> {
  let emulator: Child | undefined;
  let api: Child | undefined;
  try {
    emulator = await startChild('emulator');
    api = await startChild('api', {
      BENCH_EMULATOR_URL: emulator.ready.url,
      BENCH_EMULATOR_KEY: emulator.ready.apiKey!,
    });
    const base = api.ready.url;
    const outcomes: Record<string, number> = {};
    const codes: Record<string, number> = {};
    /** All STREAMS visitors asking again and again until `until`; outcomes counted only when `count`. */
    const storm = (until: number, count: boolean) =>
      Promise.all(
        Array.from({ length: STREAMS }, async (_, visitor) => {
          for (let turn = 0; Date.now() < until; turn++) {
            const { outcome, code } = await chatOnce(base, visitor, turn);
            if (!count) continue;
            outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
            if (code) codes[code] = (codes[code] ?? 0) + 1;
          }
        }),
      );
    // Warm up at the full load first (lazy SDK loads, connection pools, and V8 sizing its heap for
    // 50 streams), so "RSS at start" is the process already under this load and the growth after it
    // is what the storm keeps, not the step from idle to 50 streams (BENCH_STORM_WARMUP_SECONDS=0 skips it).
    await Promise.all(Array.from({ length: 10 }, (_, i) => chatOnce(base, 1000 + i, 0)));
    await storm(Date.now() + WARMUP_SECONDS * 1000, false);
    api.process.send({ type: 'measure-start' } satisfies ToChild);
    await storm(Date.now() + SECONDS * 1000, true);
    const measured = api.next('measured');
    api.process.send({ type: 'measure-stop' } satisfies ToChild);
    const m = (await measured) as Extract<FromChild, { type: 'measured' }>;
    const total = Object.values(outcomes).reduce((a, b) => a + b, 0);
    process.stdout.write(
      JSON.stringify({
        seconds: SECONDS,
        warmupSeconds: WARMUP_SECONDS,
        streams: STREAMS,
        throttle: THROTTLE,
        total,
        outcomes,
        errorCodes: codes,
        apiCpuMsPerRequest: m.cpuMs / total,
        eventLoopP99Ms: m.p99Ms,
        eventLoopMaxMs: m.maxMs,
        rssStartMb: m.rssStartMb,
        rssEndMb: m.rssEndMb,
        rssGrowthPct: (100 * (m.rssEndMb - m.rssStartMb)) / m.rssStartMb,
        heapStartMb: m.heapStartMb,
        heapEndMb: m.heapEndMb,
        heapCommittedStartMb: m.heapCommittedStartMb,
        heapCommittedEndMb: m.heapCommittedEndMb,
        heapSpacesMb: m.heapSpacesMb,
        externalStartMb: m.externalStartMb,
        externalEndMb: m.externalEndMb,
        arrayBuffersEndMb: m.arrayBuffersEndMb,
        memorySamplesMb: { every: `${SAMPLE_MS / 1000} s`, columns: ['rss', 'heapUsed', 'external'], rows: m.samples },
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
