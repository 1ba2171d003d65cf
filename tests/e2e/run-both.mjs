// `npm run test:e2e`: the whole e2e suite twice — on the offline engine, then on the azure provider
// against the Foundry emulator. A script rather than `VAR=value cmd`, so it runs in any shell.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
const extra = process.argv.slice(2); // e.g. a file filter or --grep, passed to both passes
for (const provider of ['offline', 'azure']) {
  console.log(`\n› e2e on the ${provider} provider`);
  const run = spawnSync(process.execPath, [cli, 'test', '--config', 'tests/e2e/playwright.config.ts', ...extra], {
    stdio: 'inherit',
    env: { ...process.env, E2E_PROVIDER: provider },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
