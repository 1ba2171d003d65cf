// azd predeploy hook of the `web` service (web/dist was built at prepackage): points the built SPA at the
// Function app. Streamed chat must go to the Function app directly because SWA's /api route buffers
// responses and cuts them at 45 s (https://learn.microsoft.com/azure/static-web-apps/apis-functions).
// API_URL is a Bicep output; azd passes the environment's values to hooks as environment variables.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allowConnectTo, allowVoiceTo, setApiBase } from './lib.mjs';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');
const apiUrl = process.env.API_URL;
if (!apiUrl) {
  console.error('point-spa-at-api: API_URL is not set; run `azd provision` before deploying the web service.');
  process.exit(1);
}

const indexPath = join(dist, 'index.html');
writeFileSync(indexPath, setApiBase(readFileSync(indexPath, 'utf8'), apiUrl));
const configPath = join(dist, 'staticwebapp.config.json');
let config = allowConnectTo(readFileSync(configPath, 'utf8'), apiUrl);
// Voice posts its SDP offer to the Azure OpenAI endpoint itself (a Bicep output, like API_URL).
if (process.env.AZURE_OPENAI_ENDPOINT) config = allowVoiceTo(config, process.env.AZURE_OPENAI_ENDPOINT);
writeFileSync(configPath, config);
console.log(`point-spa-at-api: web/dist now calls ${apiUrl}`);
