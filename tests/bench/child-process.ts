import { fork, type ChildProcess } from 'node:child_process';

/** What every bench child says first and when it fails; the rest of its messages are the bench's own. */
type BaseMessage = { type: 'ready'; url: string; apiKey?: string } | { type: 'failed'; message: string };

export interface BenchChild<FromChild extends { type: string }> {
  process: ChildProcess;
  ready: Extract<FromChild, { type: 'ready' }>;
  /** The child's next message of `type`; rejects if it reports `failed` or exits first. */
  next(type: FromChild['type']): Promise<FromChild>;
}

/**
 * Forks `script` with `role` as its argument (the bench's emulator or API side, in a process of its
 * own so the figures are that process's alone) and waits for its `ready` message.
 * BENCH_PROFILE_DIR=<dir> adds a V8 CPU profile of the API process (open it in Chrome DevTools).
 */
export function startBenchChild<FromChild extends BaseMessage | { type: string }>(
  script: string,
  role: 'emulator' | 'api',
  options: { env?: Record<string, string>; apiExecArgv?: string[] } = {},
): Promise<BenchChild<FromChild>> {
  const profile = role === 'api' && process.env.BENCH_PROFILE_DIR;
  const execArgv =
    role === 'api'
      ? [
          ...process.execArgv,
          ...(options.apiExecArgv ?? []),
          ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
        ]
      : process.execArgv;
  const child = fork(script, [role], {
    env: { ...process.env, ...options.env },
    execArgv,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const next = (type: FromChild['type']) =>
    new Promise<FromChild>((resolve, reject) => {
      const onMessage = (m: FromChild) => {
        if (m.type === 'failed') reject(new Error(`${role}: ${(m as { message?: string }).message ?? 'failed'}`));
        else if (m.type === type) resolve(m);
        else return;
        child.off('message', onMessage).off('exit', onExit);
      };
      const onExit = (code: number | null) => reject(new Error(`${role} child exited (${code}) before '${type}'`));
      child.on('message', onMessage).on('exit', onExit);
    });
  return next('ready').then((ready) => ({
    process: child,
    ready: ready as Extract<FromChild, { type: 'ready' }>,
    next,
  }));
}

/** Asks the child to stop and waits for it; a child that does not exit within 15 s is killed. */
export async function stopBenchChild(child: { process: ChildProcess } | undefined): Promise<void> {
  if (!child || child.process.exitCode !== null) return;
  const exited = new Promise((r) => child.process.once('exit', r));
  child.process.send({ type: 'stop' });
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
