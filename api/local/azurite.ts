// Starts Azurite (the storage emulator) as a child process tied to this one's lifetime.
// https://learn.microsoft.com/azure/storage/common/storage-use-azurite
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer, connect, type Server } from 'node:net';
import { dirname, join, resolve } from 'node:path';

export interface AzuriteOptions {
  /** Persistent data folder (default `.azurite`), ignored with inMemory. */
  location?: string;
  inMemory?: boolean;
  blobPort: number;
  queuePort: number;
  tablePort: number;
  /** Folder the data location is relative to, and where `azurite` is resolved from (default cwd). */
  root?: string;
  startTimeoutMs?: number;
}

export interface AzuriteHandle {
  connectionString: string;
  pid: number;
  stop(): Promise<void>;
}

// The documented, public development-storage key (not a secret).
// https://learn.microsoft.com/azure/storage/common/storage-use-azurite#http-connection-strings
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function devConnectionString(ports: { blobPort: number; queuePort: number; tablePort: number }): string {
  const endpoint = (port: number) => `http://127.0.0.1:${port}/${DEV_ACCOUNT}`;
  return (
    `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};` +
    `BlobEndpoint=${endpoint(ports.blobPort)};QueueEndpoint=${endpoint(ports.queuePort)};TableEndpoint=${endpoint(ports.tablePort)};`
  );
}

/** A port that was free a moment ago (bind to 0, read it, release it). */
export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port!;
}

/** Three distinct free ports for an Azurite of one's own. */
export async function freeAzuritePorts(): Promise<{ blobPort: number; queuePort: number; tablePort: number }> {
  const [blobPort, queuePort, tablePort] = (await freePorts(3)) as [number, number, number];
  return { blobPort, queuePort, tablePort };
}

/**
 * `count` distinct ports that were free a moment ago. All are held at once before any is released:
 * asked one after another, the kernel may hand the port it has just released out again (seen: the
 * in-memory Azurite's blob and queue services given one port, and its start failing on EADDRINUSE).
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Server>((resolveServer, reject) => {
          const server = createServer();
          server.unref();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolveServer(server));
        }),
    ),
  );
  const ports = servers.map((server) => {
    const address = server.address();
    return typeof address === 'object' && address ? address.port : 0;
  });
  await Promise.all(servers.map((server) => new Promise((closed) => server.close(closed))));
  return ports;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolveProbe) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const done = (open: boolean) => {
      socket.destroy();
      resolveProbe(open);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('connect', () => done(true)).once('error', () => done(false));
  });
}

// Runs inside the child: when our end of its stdin closes (we stopped it, or this process died
// even by SIGKILL) it raises SIGTERM on itself so Azurite closes its stores cleanly. Then it loads
// Azurite with argv shaped as if started directly. Azurite's own handlers: dist/src/azurite.js.
const WATCHDOG = `
const stdin = process.stdin;
let quitting = false;
const quit = () => {
  if (quitting) return;
  quitting = true;
  stdin.destroy();
  setTimeout(() => process.exit(0), 4000).unref();
  process.kill(process.pid, 'SIGTERM');
};
stdin.on('end', quit).on('close', quit).on('error', quit).resume();
process.on('SIGTERM', () => { quitting = true; stdin.destroy(); setTimeout(() => process.exit(0), 4000).unref(); });
const entry = process.argv[1];
require(entry);
`;

export async function startAzurite(options: AzuriteOptions): Promise<AzuriteHandle> {
  const root = resolve(options.root ?? process.cwd());
  const ports = { blob: options.blobPort, queue: options.queuePort, table: options.tablePort };
  for (const [service, port] of Object.entries(ports)) {
    if (await accepts(port)) {
      throw new Error(
        `Port ${port} (Azurite ${service}) is already in use, maybe by an Azurite left over from a previous run. ` +
          `Stop that process (e.g. \`lsof -i :${port}\` or \`fuser -k ${port}/tcp\`) and start again.`,
      );
    }
  }
  const entry = join(
    dirname(createRequire(join(root, 'package.json')).resolve('azurite/package.json')),
    'dist/src/azurite.js',
  );
  const args = [
    '--disableTelemetry',
    '--silent',
    '--skipApiVersionCheck',
    '--blobHost',
    '127.0.0.1',
    '--queueHost',
    '127.0.0.1',
    '--tableHost',
    '127.0.0.1',
    '--blobPort',
    String(ports.blob),
    '--queuePort',
    String(ports.queue),
    '--tablePort',
    String(ports.table),
    ...(options.inMemory ? ['--inMemoryPersistence'] : ['--location', resolve(root, options.location ?? '.azurite')]),
  ];
  // detached: its own process group, so stop() can signal Azurite and anything it spawns, and a
  // terminal Ctrl-C reaches only us (we then stop it in order). stdin stays piped: that pipe is
  // what ties its lifetime to ours (never unref() it).
  const child = spawn(process.execPath, ['-e', WATCHDOG, entry, ...args], {
    cwd: root,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000); // the tail, for error messages
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));

  const deadline = Date.now() + (options.startTimeoutMs ?? 20_000);
  let ready = false;
  while (!ready) {
    if (child.exitCode !== null)
      throw new Error(`Azurite exited with code ${child.exitCode} before listening:\n${output.trim()}`);
    if (Date.now() > deadline) {
      await stopChild(child, exited);
      throw new Error(
        `Azurite did not listen on ports ${Object.values(ports).join(', ')} within the start timeout:\n${output.trim()}`,
      );
    }
    ready = (await Promise.all(Object.values(ports).map(accepts))).every(Boolean);
    if (!ready) await new Promise((r) => setTimeout(r, 100));
  }

  let stopping: Promise<void> | undefined;
  return {
    connectionString: devConnectionString(options),
    pid: child.pid ?? -1,
    stop: () => (stopping ??= stopChild(child, exited)),
  };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>, timeoutMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  signalGroup(child, 'SIGTERM');
  child.stdin?.destroy();
  const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), timeoutMs).unref());
  if ((await Promise.race([exited, timer])) === 'timeout') {
    signalGroup(child, 'SIGKILL');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 1000).unref())]);
  }
  child.stdout?.destroy();
  child.stderr?.destroy();
}
