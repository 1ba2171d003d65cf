// The real Azure Static Web Apps emulator (`swa start` from @azure/static-web-apps-cli) over the
// built web/dist, with our local runtime behind it as the API (issue #11 item 6).
//
// Why installed at test time into node_modules/.cache instead of as a devDependency: the SWA CLI
// hard-depends on keytar, whose install script compiles against libsecret-1-dev and fails the
// whole `npm install` on a machine without it (the README promises a bare `npm install` works).
// keytar only serves `swa login`'s credential cache, which `swa start` never loads, so the CLI is
// installed here with scripts ignored (keytar stays unbuilt) through npm itself, pinned, once per
// checkout (later runs reuse the cache).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export const SWA_CLI_VERSION = '2.0.10';
const INSTALL_TIMEOUT_MS = 240_000;
const START_TIMEOUT_MS = 60_000;

export interface SwaEmulator {
  url: string;
  /** Everything the CLI printed (it names the staticwebapp.config.json it found). */
  output(): string;
  stop(): Promise<void>;
}

/** The CLI's entry point, installed on first use (npm, scripts ignored, bounded in time). */
export function swaCliEntry(root: string): string {
  const prefix = path.join(root, 'node_modules/.cache', `swa-cli-${SWA_CLI_VERSION}`);
  const entry = path.join(prefix, 'node_modules/@azure/static-web-apps-cli/dist/cli/bin.js');
  if (existsSync(entry)) return entry;
  mkdirSync(prefix, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(
    npm,
    [
      'install',
      '--prefix',
      prefix,
      '--ignore-scripts',
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      `@azure/static-web-apps-cli@${SWA_CLI_VERSION}`,
    ],
    { encoding: 'utf8', timeout: INSTALL_TIMEOUT_MS },
  );
  if (result.status !== 0 || !existsSync(entry))
    throw new Error(
      `could not install the SWA CLI: ${result.error?.message ?? ''} ${result.stderr?.slice(-2000) ?? ''}`,
    );
  return entry;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * `swa start web/dist --api-devserver-url <api>` run from the project root with the project root as
 * app location: the CLI then searches the tree for staticwebapp.config.json exactly as `swa deploy`
 * does when azd runs it over the repository root.
 */
export async function startSwaEmulator(root: string, apiUrl: string): Promise<SwaEmulator> {
  const entry = swaCliEntry(root);
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [
      entry,
      'start',
      'web/dist',
      '--app-location',
      '.',
      '--api-devserver-url',
      apiUrl,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    {
      cwd: root,
      // No update check, no browser, no colours in the captured output.
      env: { ...process.env, NO_UPDATE_NOTIFIER: '1', SWA_CLI_OPEN_BROWSER: 'false', FORCE_COLOR: '0', CI: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    },
  );
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    // The CLI starts helper processes: end its whole process group (the one we created).
    try {
      if (child.pid && process.platform !== 'win32') process.kill(-child.pid, 'SIGTERM');
      else child.kill('SIGTERM');
    } catch {
      /* already gone */
    }
    const timer = setTimeout(() => {
      try {
        if (child.pid && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 5_000);
    await exited;
    clearTimeout(timer);
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`swa start exited (${child.exitCode}):\n${output}`);
    if (/emulator started at/i.test(output)) {
      try {
        const res = await fetch(`${url}/`);
        if (res.status > 0) break;
      } catch {
        /* not listening yet */
      }
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`swa start did not come up within ${START_TIMEOUT_MS / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, output: () => output, stop };
}
