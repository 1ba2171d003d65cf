// azd postprovision hook: copies the Bicep outputs (named like the variables api/config.ts reads) from
// the azd environment into local.settings.json, so `npm start` / `func start` talk to the provisioned
// Azure OpenAI deployments with your `az login` identity. Run it again any time: `node infra/hooks/write-local-settings.mjs`.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeLocalSettings, parseEnvValues } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const target = join(root, 'local.settings.json');
const sample = join(root, 'local.settings.sample.json');

// `azd env get-values` rather than process.env: the same command works outside a hook, and only the
// azd environment (not the whole shell) is considered.
const envText = execFileSync('azd', ['env', 'get-values'], { encoding: 'utf8', shell: process.platform === 'win32' });
const existing = JSON.parse(readFileSync(existsSync(target) ? target : sample, 'utf8'));
const { settings, missing } = mergeLocalSettings(existing, parseEnvValues(envText));
if (missing.length) {
  console.error(`write-local-settings: the azd environment lacks ${missing.join(', ')}; run \`azd provision\` first.`);
  process.exit(1);
}
writeFileSync(target, `${JSON.stringify(settings, null, 2)}\n`);
console.log(
  `write-local-settings: ${target} now points at ${settings.Values.AZURE_OPENAI_ENDPOINT} (storage stays on Azurite).`,
);
