// The local runtime in a child process (the compiled dist/, as `npm start` runs it), so a test can
// kill it with SIGKILL like a crashed instance: no stop handlers, no last writes.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface ChildRuntime {
  url: string;
  pid: number;
  /** Everything it printed so far (for failure messages). */
  output(): string;
  /** SIGKILL: the process dies at once, mid-run. */
  kill(): Promise<void>;
  /** A clean stop (SIGTERM), for the end of a test. */
  stop(): Promise<void>;
}

// tests/helpers under vitest, dist/tests/helpers when the bench runs the compiled copy.
export const projectRoot = [resolve(__dirname, '../..'), resolve(__dirname, '../../..')].find((dir) =>
  existsSync(join(dir, 'host.json')),
)!;

// Runs in the child: starts the runtime on a free loopback port and prints its URL on one line.
const BOOT = `
const { startLocal } = require(process.argv[1]);
const env = JSON.parse(process.argv[2]);
startLocal({ root: process.argv[3], port: 0, quiet: true, env }).then(
  (runtime) => {
    console.log('READY ' + runtime.url);
    process.on('SIGTERM', () => runtime.stop().then(() => process.exit(0)));
  },
  (error) => { console.error('FAILED ' + (error && error.message)); process.exit(1); },
);
`;

export async function startChildRuntime(env: Record<string, string>, timeoutMs = 60_000): Promise<ChildRuntime> {
  const entry = join(projectRoot, 'dist/api/local/start.js');
  if (!existsSync(entry)) throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  const child: ChildProcess = spawn(process.execPath, ['-e', BOOT, entry, JSON.stringify(env), projectRoot], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`the child runtime did not start:\n${output}`)), timeoutMs);
    const read = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
      const ready = /READY (\S+)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolveUrl(ready[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the child runtime exited (${code}) before it was ready:\n${output}`));
    });
  });
  const signal = async (name: NodeJS.Signals, waitMs: number) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(name);
    const timer = new Promise<void>((r) => setTimeout(r, waitMs).unref());
    await Promise.race([exited, timer]);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  };
  return {
    url,
    pid: child.pid ?? -1,
    output: () => output,
    kill: () => signal('SIGKILL', 5_000),
    stop: () => signal('SIGTERM', 15_000),
  };
}
