import path from 'node:path';
import { emulatedAzureEnv, startFoundryEmulator, type FoundryEmulator } from '../fakes/foundry-emulator';
import { swaConfigAllowing } from '../fakes/foundry-emulator/realtime/csp';
import { STRICT_REALTIME } from '../fakes/foundry-emulator/realtime/strictness';

export interface VoiceStack {
  url: string;
  emulator: FoundryEmulator;
  stop(): Promise<void>;
}

/**
 * A second app + emulator pair for a spec that needs other server settings than the suite's
 * (a voice session limit of seconds instead of 30 minutes, docs/pitfalls.md 2.1). Started in the worker,
 * like the global setup starts the main one; the emulator hangs up calls at the same limit.
 */
export async function startVoiceStack(sessionSeconds: number): Promise<VoiceStack> {
  const root = path.resolve(__dirname, '../..');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startLocal } = require(path.join(root, 'dist/api/local/start.js')) as typeof import('../../api/local/start');
  const emulator = await startFoundryEmulator({ chunkDelayMs: 4, realtimeSessionSeconds: sessionSeconds });
  // The same strict realtime behaviour as the suite's own emulator (global-setup.ts).
  emulator.realtime.strict(STRICT_REALTIME);
  await emulator.realtime.warm();
  const server = await startLocal({
    root,
    port: 0,
    inMemoryStorage: true,
    quiet: true,
    swaConfigPath: swaConfigAllowing(root, emulator.url),
    env: { ...emulatedAzureEnv(emulator), PRESTO_REALTIME_SESSION_SECONDS: String(sessionSeconds) },
  });
  return {
    url: server.url,
    emulator,
    stop: async () => {
      await server.stop();
      await emulator.stop();
    },
  };
}
