import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SWITCH_COMMANDS, launchBenchBrowser, startPaintServer, waitForPainted } from './mode-paint';
import { ms, percentile } from './stats';

/**
 * The "mode event → painted" window of `mode-paint-run.js` in CPU time, which a loaded machine does
 * not inflate the way it does the wall figure: each run is traced with Chromium's tracing, and the
 * thread time (`tdur`) of every task overlapping the window is summed, for the page's main thread
 * and for all of Chromium's threads (raster, compositor, GPU process, browser). Tracing costs a
 * little itself, so compare these figures with each other, not with `mode-paint-run.js`'s.
 *
 *   node dist/tests/bench/mode-paint-cpu.js [runs] [web build]
 */

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
}

/** Top-level tasks as Chromium names them in the `toplevel` category. */
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'ThreadPool_RunTask']);

interface PaintCpu {
  wallMs: number;
  mainCpuMs: number;
  allCpuMs: number;
}

/** The thread time of the tasks between the two marks (a task cut by the window counts pro rata). */
function cpuInWindow(events: TraceEvent[]): PaintCpu {
  const start = events.find((e) => e.name === 'presto:mode-event');
  const end = events.find((e) => e.name === 'presto:mode-painted');
  if (!start || !end) throw new Error('the trace has no presto:mode-event / presto:mode-painted marks');
  let main = 0;
  let all = 0;
  // The task names nest (a RunTask inside a ThreadControllerImpl::RunTask): each thread's outermost only.
  const tasks = events
    .filter((e) => e.ph === 'X' && TASKS.has(e.name) && e.dur && e.tdur)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const busyUntil = new Map<string, number>();
  for (const e of tasks) {
    const thread = `${e.pid}:${e.tid}`;
    if ((busyUntil.get(thread) ?? -1) >= e.ts + e.dur!) continue;
    busyUntil.set(thread, e.ts + e.dur!);
    const overlap = Math.min(e.ts + e.dur!, end.ts) - Math.max(e.ts, start.ts);
    if (overlap <= 0) continue;
    const cpu = (e.tdur! * overlap) / e.dur!;
    all += cpu;
    if (e.pid === start.pid && e.tid === start.tid) main += cpu;
  }
  return { wallMs: (end.ts - start.ts) / 1000, mainCpuMs: main / 1000, allCpuMs: all / 1000 };
}

async function main() {
  const runs = Number(process.argv[2] ?? 9);
  const staticRoot = process.argv[3];
  const server = await startPaintServer(staticRoot);
  const browser = await launchBenchBrowser();
  const path = join(tmpdir(), `presto-mode-paint-${process.pid}.json`);
  const samples: PaintCpu[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage();
      await page.goto(server.url);
      const input = page.getByTestId('chat-input');
      await input.fill(SWITCH_COMMANDS[i % SWITCH_COMMANDS.length]!);
      await browser.startTracing(page, { path, categories: ['toplevel', 'blink.user_timing'] });
      // The wait is set up first: Playwright's injected poller is evaluated in the page before the
      // command, not in the window it measures (a visitor's browser has no such script).
      const painted = waitForPainted(page);
      await input.press('Enter');
      await painted;
      await browser.stopTracing();
      const trace = JSON.parse(await readFile(path, 'utf8')) as { traceEvents: TraceEvent[] };
      samples.push(cpuInWindow(trace.traceEvents));
      await page.close();
    }
  } finally {
    await browser.close();
    await server.stop();
    await rm(path, { force: true });
  }
  const p = (key: keyof PaintCpu, q: number) =>
    ms(
      percentile(
        samples.map((s) => s[key]),
        q,
      ),
    );
  console.log(
    `mode event → painted, traced (n=${runs}): wall p50 ${p('wallMs', 50)}  main-thread CPU p50 ${p('mainCpuMs', 50)} p95 ${p('mainCpuMs', 95)}  all Chromium threads CPU p50 ${p('allCpuMs', 50)} p95 ${p('allCpuMs', 95)}`,
  );
}

void main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
