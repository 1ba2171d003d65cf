// Where the smoke's settings come from, so it works right after `azd up` with no copying: the
// process environment wins, then the azd environment (`azd env get-values`, when this project has
// one), then local.settings.json `Values` (the postprovision hook's copy). Empty means unset.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Settings = Record<string, string | undefined>;

const DEV_STORAGE = /^UseDevelopmentStorage=true;?$/i;

/** Strings (numbers and booleans written as JSON values too) that are not blank; anything else is unset. */
function nonEmpty(values: Record<string, unknown>): Settings {
  const out: Settings = {};
  for (const [key, value] of Object.entries(values)) {
    const text =
      typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? `${value}` : '';
    if (text.trim() !== '') out[key] = text;
  }
  return out;
}

export function readLocalSettings(root: string): Settings {
  const file = join(root, 'local.settings.json');
  if (!existsSync(file)) return {};
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { Values?: Record<string, unknown> };
  return nonEmpty(parsed.Values ?? {});
}

/** `azd env get-values -o json` of the selected azd environment; nothing when azd or `.azure/` is absent. */
export function readAzdEnv(root: string): Settings {
  if (!existsSync(join(root, '.azure'))) return {};
  try {
    const out = execFileSync('azd', ['env', 'get-values', '--output', 'json'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 15_000,
      stdio: ['ignore', 'pipe', 'ignore'],
      shell: process.platform === 'win32',
    });
    return nonEmpty(JSON.parse(out) as Record<string, unknown>);
  } catch {
    return {};
  }
}

export interface Sources {
  processEnv: Settings;
  azd: Settings;
  localSettings: Settings;
}

/**
 * The settings for a run against Azure. Storage: the hook keeps `UseDevelopmentStorage=true`
 * in local.settings.json (app data stays on Azurite for `npm start`), but a smoke after `azd up`
 * is about the deployment, so when the identity-based service URIs are known they win over it.
 */
export function azureSettings(sources: Sources): Settings {
  const merged: Settings = { ...sources.localSettings, ...sources.azd, ...nonEmpty(sources.processEnv) };
  const storage = merged.AzureWebJobsStorage;
  if ((!storage || DEV_STORAGE.test(storage.trim())) && merged.AzureWebJobsStorage__blobServiceUri)
    delete merged.AzureWebJobsStorage;
  // The smoke always tries voice and chat on the azure provider, whatever AI_PROVIDER says locally.
  merged.AI_PROVIDER = 'azure';
  // One low-quality image: the cheapest and fastest the image deployment makes.
  merged.AZURE_OPENAI_IMAGE_QUALITY = 'low';
  return merged;
}

/** Settings that point at Azure (or at a deployment's storage) never reach an emulated run. */
const AZURE_ONLY =
  /^(?:AZURE_OPENAI_ENDPOINT|AZURE_OPENAI_API_KEY|AZURE_CREDENTIAL|AZURE_TENANT_ID|AZURE_CLIENT_ID|AZURE_CLIENT_SECRET|AzureWebJobsStorage.*|API_URL|AI_PROVIDER)$/;

/**
 * The settings for a run against the bundled emulator: only what this process was given (a test's
 * deliberately wrong deployment name, say), minus anything Azure, plus the emulator's endpoint,
 * key and in-memory Azurite. The image model is configured unless the caller said otherwise.
 */
export function emulatorSettings(
  processEnv: Settings,
  emulator: { url: string; apiKey: string },
  storageConnectionString: string,
): Settings {
  const kept = Object.fromEntries(Object.entries(nonEmpty(processEnv)).filter(([key]) => !AZURE_ONLY.test(key)));
  // Set but empty (`AZURE_OPENAI_IMAGE_DEPLOYMENT=`) means "no image model", as in Azure.
  const image = 'AZURE_OPENAI_IMAGE_DEPLOYMENT' in processEnv ? kept.AZURE_OPENAI_IMAGE_DEPLOYMENT : 'gpt-image-1-mini';
  return {
    ...kept,
    AZURE_OPENAI_IMAGE_DEPLOYMENT: image,
    AI_PROVIDER: 'azure',
    AZURE_OPENAI_ENDPOINT: emulator.url,
    AZURE_OPENAI_API_KEY: emulator.apiKey,
    AzureWebJobsStorage: storageConnectionString,
    AZURE_OPENAI_IMAGE_QUALITY: 'low',
  };
}

export function wantsEmulator(sources: Sources): boolean {
  return !azureSettings(sources).AZURE_OPENAI_ENDPOINT;
}
