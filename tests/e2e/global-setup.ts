import { existsSync } from 'node:fs';
import path from 'node:path';
import { EMULATED_STRICTNESS, emulatedAzureEnv, startFoundryEmulator } from '../fakes/foundry-emulator';
import { swaConfigAllowing } from '../fakes/foundry-emulator/realtime/csp';
import { STRICT_REALTIME } from '../fakes/foundry-emulator/realtime/strictness';

/**
 * Starts the demo exactly as `npm start` does, but on a free port with in-memory Azurite.
 * E2E_PROVIDER=azure runs the same suite against the Foundry emulator through the Azure adapters.
 */
// The whole suite is one anonymous visitor on 127.0.0.1 (no x-forwarded-for), so it gets a budget no test can exhaust (issue #8).
const E2E_DEMO_BUDGET = {
  PRESTO_DEMO_REQUESTS_PER_MINUTE: '100000',
  PRESTO_DEMO_TOKENS_PER_DAY: '100000000',
  PRESTO_DEMO_IMAGES_PER_DAY: '100000',
  PRESTO_DEMO_GENERATIONS_PER_DAY: '100000',
  PRESTO_DEMO_REALTIME_SESSIONS_PER_DAY: '100000',
};

export default async function globalSetup(): Promise<() => Promise<void>> {
  const root = path.resolve(__dirname, '../..');
  const entry = path.join(root, 'dist/api/local/start.js');
  if (!existsSync(entry)) throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executable))
    throw new Error(`Chromium not found at ${executable}: apt-get install -y chromium (see README).`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startLocal } = require(entry) as typeof import('../../api/local/start');
  const provider = process.env.E2E_PROVIDER ?? 'offline';
  if (provider !== 'offline' && provider !== 'azure')
    throw new Error(`E2E_PROVIDER must be offline or azure, not "${provider}"`);
  // Strict where it agrees with Azure (reasoning tokens spend the budget): the suite must pass on the Azure that exists.
  const emulator =
    provider === 'azure' ? await startFoundryEmulator({ chunkDelayMs: 4, strict: EMULATED_STRICTNESS }) : undefined;
  // Voice meets Azure as documented: only type/model/instructions/voice in the mint (the rest goes
  // by session.update), no expires_at, 400 for a missing deployment (realtime/strictness.ts).
  emulator?.realtime.strict(STRICT_REALTIME);
  const env = emulator ? emulatedAzureEnv(emulator) : { AI_PROVIDER: 'offline', PRESTO_OFFLINE_CHUNK_MS: '8' };
  // Test-only fault (api/adapters/fault-injection.ts): the first design of a "haunted …" industry fails, so the failure UI and Retry can be shown.
  // Voice posts its SDP offer to the emulator, so its origin joins the CSP connect-src (realtime/csp.ts).
  const swaConfigPath = emulator ? swaConfigAllowing(root, emulator.url) : undefined;
  const server = await startLocal({
    root,
    port: 0,
    inMemoryStorage: true,
    quiet: true,
    ...(swaConfigPath ? { swaConfigPath } : {}),
    env: {
      ...env,
      ...E2E_DEMO_BUDGET,
      PRESTO_FAULT_INJECTION:
        'generation-fails-once:haunted,generation-slow-after-brand-8s:lagoon,generation-slow-after-brand-8s:spooky,generation-fails-after-brand:spooky',
    },
  });
  process.env.E2E_BASE_URL = server.url;
  if (emulator) Object.assign(process.env, { E2E_EMULATOR_URL: emulator.url, E2E_EMULATOR_KEY: emulator.apiKey });
  await emulator?.realtime.warm();
  process.env.E2E_PROVIDER = provider;
  return async () => {
    await server.stop();
    await emulator?.stop();
  };
}
