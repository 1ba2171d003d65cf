// `npm start`: build the SPA if it changed, then run the local runtime at http://127.0.0.1:4280
// until Ctrl-C. Core Tools cannot be installed everywhere (its npm package downloads a native binary at install time); `func start` also works on
// this tree where it can be.
import { resolve } from 'node:path';
import { consoleLogger } from './invocation';
import { startLocal, type LocalRuntime } from './run-local';
import { buildWebIfStale } from './web-build';

export { startLocal, type LocalRuntime, type StartLocalOptions } from './run-local';

const STOP_TIMEOUT_MS = 10_000;

async function main(): Promise<void> {
  // dist/api/local/start.js → the project root, whatever the current directory is.
  const root = resolve(__dirname, '../../..');
  process.on('unhandledRejection', (reason) => console.error('[local] unhandled rejection:', reason));

  let runtime: LocalRuntime;
  try {
    buildWebIfStale(root, consoleLogger);
    runtime = await startLocal({ root, port: Number(process.env.PORT ?? 4280) });
  } catch (error) {
    console.error(`[local] could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  console.log(
    `\nPresto-Change-O is running at ${runtime.url}  (ready in ${process.uptime().toFixed(1)} s; Ctrl-C to stop)\n`,
  );

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(`[local] ${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    console.log(`[local] ${signal}: stopping…`);
    setTimeout(() => {
      console.error(`[local] still stopping after ${STOP_TIMEOUT_MS / 1000} s; exiting anyway`);
      process.exit(0);
    }, STOP_TIMEOUT_MS).unref();
    runtime.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('[local] error while stopping:', error);
        process.exit(0);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

// Only when run as the entry point: the e2e global setup and the bench `require` this file.
if (typeof require !== 'undefined' && require.main === module) void main();
