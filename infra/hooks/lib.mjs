// Pure helpers behind the azd hooks (no I/O), unit-tested in tests/unit/infra/hooks.test.ts.
// Plain .mjs so the hooks run with bare `node` before anything is compiled.

/**
 * Names copied from the azd environment into local.settings.json: the Bicep outputs that api/config.ts
 * reads (the infra test keeps this list and main.bicep's outputs in step).
 */
export const LOCAL_SETTING_NAMES = [
  'AI_PROVIDER',
  'AZURE_OPENAI_ENDPOINT',
  'AZURE_OPENAI_CHAT_DEPLOYMENT',
  'AZURE_OPENAI_STRUCTURED_DEPLOYMENT',
  'AZURE_OPENAI_REALTIME_DEPLOYMENT',
  'AZURE_OPENAI_REALTIME_REGION',
  'AZURE_OPENAI_IMAGE_DEPLOYMENT',
  'AZURE_OPENAI_API_VERSION',
  'AzureWebJobsStorage__blobServiceUri',
  'AzureWebJobsStorage__queueServiceUri',
  'AzureWebJobsStorage__tableServiceUri',
  'PRESTO_BLOB_CONTAINER',
];

/**
 * Outputs that are empty on purpose: the image deployment when `azd up` was answered imageModel=none
 * (the GPT-image-1 series is limited access). Empty is "unset" to api/config.ts, so the name is
 * removed from local.settings.json rather than reported missing.
 */
export const OPTIONAL_LOCAL_SETTING_NAMES = ['AZURE_OPENAI_IMAGE_DEPLOYMENT'];

/** Parses `azd env get-values` output: KEY="value" lines, double-quoted with backslash escapes. */
export function parseEnvValues(text) {
  const values = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
      value = value.slice(1, -1).replace(/\\(["\\$`n])/g, (_, c) => (c === 'n' ? '\n' : c));
    } else if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) {
      value = value.slice(1, -1);
    }
    values[key] = value;
  }
  return values;
}

/**
 * Merges the Azure values into an existing local.settings.json object. Names are matched
 * case-insensitively because ARM does not keep output-name casing (azd restores it, but older azd
 * versions wrote e.g. `aI_PROVIDER`: https://github.com/Azure/azure-dev/issues/512).
 * Everything else in the file is kept, including AzureWebJobsStorage: app data stays on Azurite
 * locally so a local run never consumes the deployed app's queue messages.
 */
export function mergeLocalSettings(existing, envValues) {
  const byLower = new Map(Object.entries(envValues).map(([k, v]) => [k.toLowerCase(), v]));
  const found = {};
  const missing = [];
  const cleared = [];
  for (const name of LOCAL_SETTING_NAMES) {
    const value = byLower.get(name.toLowerCase());
    if (value !== undefined && value !== '') found[name] = value;
    else if (OPTIONAL_LOCAL_SETTING_NAMES.includes(name)) cleared.push(name);
    else missing.push(name);
  }
  const base = existing && typeof existing === 'object' ? existing : {};
  const values = { FUNCTIONS_WORKER_RUNTIME: 'node', ...(base.Values ?? {}), ...found };
  // A value left from an earlier provision must not outlive the switch to imageModel=none.
  for (const name of cleared) delete values[name];
  return { settings: { ...base, IsEncrypted: false, Values: values }, missing };
}

/** The origin of an https URL; anything else is refused (a wrong API_URL must not reach the SPA). */
export function httpsOrigin(url, name = 'API_URL') {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${name} is not a URL: ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== 'https:') throw new Error(`${name} must be https: ${url}`);
  return parsed.origin;
}

const META = /<meta\s+name="presto-api-base"\s+content="[^"]*"\s*\/?>/;

/** Points the SPA at the Function app: sets <meta name="presto-api-base"> (read by web/src/api/client.ts). */
export function setApiBase(html, apiUrl) {
  const origin = httpsOrigin(apiUrl);
  if (!META.test(html)) throw new Error('index.html has no <meta name="presto-api-base" content="…"> to set.');
  return html.replace(META, `<meta name="presto-api-base" content="${origin}" />`);
}

/**
 * Adds the Azure OpenAI endpoint's own origin to connect-src: the browser posts its voice SDP offer
 * to `<endpoint>/openai/v1/realtime/calls`, and the static CSP only allows *.openai.azure.com, while
 * an AIServices endpoint may be *.cognitiveservices.azure.com or *.services.ai.azure.com.
 */
export function allowVoiceTo(configText, endpoint) {
  return allowConnectTo(configText, endpoint, ['connect-src'], 'AZURE_OPENAI_ENDPOINT');
}

/**
 * Adds the Function app origin to the CSP connect-src of staticwebapp.config.json, so the browser may
 * stream chat from it (SWA's own /api buffers SSE: https://github.com/Azure/static-web-apps/issues/1628),
 * and to img-src, so chart images (`<img src="<api>/api/charts/<key>">`, issue #6) may load from it.
 * Idempotent; a config without a CSP is returned unchanged (nothing restricts connections then).
 */
export function allowConnectTo(configText, apiUrl, directivesToExtend = ['connect-src', 'img-src'], label = 'API_URL') {
  const origin = httpsOrigin(apiUrl, label);
  const config = JSON.parse(configText);
  const headers = config.globalHeaders ?? {};
  const name = Object.keys(headers).find((h) => h.toLowerCase() === 'content-security-policy');
  if (!name) return configText;
  const directives = String(headers[name])
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);
  for (const directive of directivesToExtend) {
    const index = directives.findIndex((d) => d.split(/\s+/)[0].toLowerCase() === directive);
    if (index === -1) directives.push(`${directive} 'self' ${origin}`);
    else if (!directives[index].split(/\s+/).includes(origin)) directives[index] += ` ${origin}`;
  }
  headers[name] = directives.join('; ');
  return `${JSON.stringify({ ...config, globalHeaders: headers }, null, 2)}\n`;
}
