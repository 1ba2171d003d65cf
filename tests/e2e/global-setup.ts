import { existsSync } from 'node:fs';
import path from 'node:path';

/** Starts the demo exactly as `npm start` does, but on a free port with in-memory Azurite. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const root = path.resolve(__dirname, '../..');
  const entry = path.join(root, 'dist/api/local/start.js');
  if (!existsSync(entry)) throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executable)) throw new Error(`Chromium not found at ${executable}: apt-get install -y chromium (see README).`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startLocal } = require(entry) as typeof import('../../api/local/start');
  const server = await startLocal({ root, port: 0, inMemoryStorage: true, quiet: true, env: { PRESTO_OFFLINE_CHUNK_MS: '8' } });
  process.env.E2E_BASE_URL = server.url;
  return async () => server.stop();
}
