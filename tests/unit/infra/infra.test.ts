import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigEnv, loadConfig } from '../../../api/config';
import { LOCAL_SETTING_NAMES } from '../../../infra/hooks/lib.mjs';
import {
  allowedValues,
  bicep,
  blockAfter,
  outputsOf,
  paramDefault,
  paramNames,
  read,
  ROOT,
  topLevelKeys,
} from './bicep-text';

// No Bicep compiler can be installed here, so these tests read infra/ as text and hold it to the code
// (issue #7). `az bicep build` / `azd provision --preview` validate the rest (docs/deploy.md).

/**
 * How each variable api/config.ts reads reaches the app in Azure. A variable added to the schema fails
 * the first test until it is classified here — and, if the Azure provider needs it, wired in infra/.
 */
const WIRING = {
  // Bicep output (azd env → local.settings.json via the hook) AND Function app setting, same value.
  AI_PROVIDER: 'output+setting',
  AZURE_OPENAI_ENDPOINT: 'output+setting',
  AZURE_OPENAI_CHAT_DEPLOYMENT: 'output+setting',
  AZURE_OPENAI_STRUCTURED_DEPLOYMENT: 'output+setting',
  AZURE_OPENAI_REALTIME_DEPLOYMENT: 'output+setting',
  AZURE_OPENAI_REALTIME_REGION: 'output+setting',
  AZURE_OPENAI_IMAGE_DEPLOYMENT: 'output+setting',
  AZURE_OPENAI_API_VERSION: 'output+setting',
  AzureWebJobsStorage__blobServiceUri: 'output+setting',
  AzureWebJobsStorage__queueServiceUri: 'output+setting',
  AzureWebJobsStorage__tableServiceUri: 'output+setting',
  PRESTO_BLOB_CONTAINER: 'output+setting',
  // Name the Function app's managed identity: meaningless (and harmful) on a developer machine.
  AzureWebJobsStorage__clientId: 'function-setting',
  AZURE_CLIENT_ID: 'function-setting',
  AZURE_CREDENTIAL: 'function-setting',
  // Keys, key-based connection strings and test-only switches: never set in Azure (the infra is keyless).
  AzureWebJobsStorage: 'never',
  AZURE_OPENAI_API_KEY: 'never',
  AZURE_CLIENT_SECRET: 'never',
  PRESTO_FAULT_INJECTION: 'never',
  // Tuning or local-only knobs whose defaults are right in Azure.
  AZURE_TENANT_ID: 'default',
  AZURE_LOG_LEVEL: 'default',
  AZURE_OPENAI_TIMEOUT_MS: 'default',
  AZURE_OPENAI_MAX_ATTEMPTS: 'default',
  AZURE_OPENAI_MAX_CONCURRENCY: 'default',
  PRESTO_OFFLINE_CHUNK_MS: 'default',
  // Chart images (#6): low quality and a daily 00:05 UTC pre-generation are right in Azure; override as app settings.
  AZURE_OPENAI_IMAGE_QUALITY: 'default',
  AZURE_OPENAI_IMAGE_API: 'default',
  AZURE_OPENAI_REASONING_EFFORT: 'default',
  PRESTO_MODE_DESIGN: 'default',
  PRESTO_CHART_SCHEDULE: 'default',
  AZURE_OPENAI_TRANSCRIPTION_MODEL: 'default',
  PRESTO_REALTIME_SESSION_SECONDS: 'default',
  // The demo's per-visitor budget (#8): the defaults are the intended public budget; override as app settings.
  PRESTO_DEMO_REQUESTS_PER_MINUTE: 'default',
  PRESTO_DEMO_TOKENS_PER_DAY: 'default',
  PRESTO_DEMO_IMAGES_PER_DAY: 'default',
  PRESTO_DEMO_GENERATIONS_PER_DAY: 'default',
  PRESTO_DEMO_REALTIME_SESSIONS_PER_DAY: 'default',
  PRESTO_DEMO_VISITORS_PER_NETWORK: 'default',
  // A running job's lease (#16): 60 s is the intended takeover time; tests shorten it.
  PRESTO_JOB_LEASE_SECONDS: 'default',
} as const satisfies Record<string, 'output+setting' | 'function-setting' | 'never' | 'default'>;

const named = (how: (typeof WIRING)[keyof typeof WIRING]) =>
  Object.entries(WIRING)
    .filter(([, w]) => w === how)
    .map(([k]) => k)
    .sort();

// Regions offering each model as Global Standard (https://learn.microsoft.com/azure/ai-foundry/openai/concepts/models; MicrosoftDocs/azure-ai-docs
// articles/foundry/openai/includes/model-matrix/standard-global.md). gpt-5-mini: only the rows checked.
const MODEL_REGIONS = {
  'gpt-realtime': ['canadacentral', 'centralus', 'eastus2', 'francecentral', 'southindia', 'swedencentral'],
  'gpt-image-1-mini': ['eastus2', 'polandcentral', 'swedencentral', 'uaenorth', 'westus3'],
  // 2025-04-15: only the rows checked.
  'gpt-image-1': ['eastus2', 'swedencentral'],
  'model-router': ['eastus2', 'swedencentral'],
  'gpt-5-mini': ['eastus2', 'swedencentral'],
};

const ROLE_GUIDS = {
  cognitiveServicesOpenAIUser: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd',
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b',
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88',
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3',
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb',
};

const main = bicep('infra/main.bicep');
const moduleFiles = readdirSync(join(ROOT, 'infra/modules')).filter((f) => f.endsWith('.bicep'));
const modules: Record<string, string> = Object.fromEntries(
  moduleFiles.map((f) => [f.replace(/\.bicep$/, ''), bicep(`infra/modules/${f}`)]),
);
const mod = (name: string) => modules[name] ?? '';
const outputs = outputsOf(main);
const outputNames = outputs.map((o) => o.name);
const appEnvironment = topLevelKeys(blockAfter(main, 'var appEnvironment ='));
const functionOnly = topLevelKeys(blockAfter(main, 'var functionOnlySettings ='));
const functionAppOwn = topLevelKeys(blockAfter(mod('function-app'), 'union(appSettings,'));
const allSettings = [...appEnvironment, ...functionOnly, ...functionAppOwn];

describe('infra ↔ api/config.ts', () => {
  it('classifies every variable api/config.ts reads (add new ones to WIRING and to infra/)', () => {
    const unclassified = Object.keys(ConfigEnv.shape).filter((name) => !(name in WIRING));
    expect(unclassified, 'variables in api/config.ts missing from WIRING').toEqual([]);
  });

  it('makes each Azure variable a main.bicep output with the very value the Function app gets', () => {
    for (const name of named('output+setting')) {
      expect(appEnvironment, `${name} missing from var appEnvironment`).toContain(name);
      expect(outputs.find((o) => o.name === name)?.value, `output ${name}`).toBe(`appEnvironment.${name}`);
    }
    expect(main).toMatch(/appSettings:\s*union\(appEnvironment,\s*functionOnlySettings\)/);
    expect(mod('function-app')).toMatch(/name:\s*'appsettings'\s*properties:\s*union\(appSettings,/);
  });

  it('sets identity-only variables on the Function app and never outputs them', () => {
    for (const name of named('function-setting')) {
      expect(functionOnly).toContain(name);
      expect(outputNames).not.toContain(name);
    }
    expect(main).toMatch(/AZURE_CREDENTIAL:\s*'managed-identity'/);
  });

  it('never sets keys, key-based connection strings or test-only switches', () => {
    for (const name of named('never')) {
      expect(allSettings).not.toContain(name);
      expect(outputNames).not.toContain(name);
    }
  });

  it('copies exactly the output variables into local.settings.json (hook)', () => {
    expect([...LOCAL_SETTING_NAMES].sort()).toEqual(named('output+setting'));
  });

  it('names the deployments like api/config.ts defaults, so unset variables still match (docs/pitfalls.md 10.2)', () => {
    const defaults = loadConfig({});
    expect(paramDefault(main, 'chatDeploymentName')).toBe(defaults.AZURE_OPENAI_CHAT_DEPLOYMENT);
    expect(paramDefault(main, 'structuredDeploymentName')).toBe(defaults.AZURE_OPENAI_STRUCTURED_DEPLOYMENT);
    expect(paramDefault(main, 'realtimeDeploymentName')).toBe(defaults.AZURE_OPENAI_REALTIME_DEPLOYMENT);
    // The image deployment is opt-in (no config default): named after the chosen model.
    expect(defaults.AZURE_OPENAI_IMAGE_DEPLOYMENT).toBeUndefined();
    expect(paramDefault(main, 'imageDeploymentName')).toBe('imageModel');
    expect(paramDefault(main, 'openAiApiVersion')).toBe(defaults.AZURE_OPENAI_API_VERSION);
    expect(main).toMatch(/appContainerName = '([^']+)'/);
    expect(/appContainerName = '([^']+)'/.exec(main)?.[1]).toBe(defaults.PRESTO_BLOB_CONTAINER);
  });

  it('uses identity-based host storage and no setting Flex Consumption rejects', () => {
    expect(mod('function-app')).toMatch(/AzureWebJobsStorage__credential:\s*'managedidentity'/);
    for (const rejected of [
      'FUNCTIONS_WORKER_RUNTIME',
      'FUNCTIONS_EXTENSION_VERSION',
      'WEBSITE_RUN_FROM_PACKAGE',
      'WEBSITE_NODE_DEFAULT_VERSION',
    ]) {
      expect(allSettings).not.toContain(rejected);
    }
    expect(mod('function-app')).toMatch(/sku:\s*\{\s*name:\s*'FC1',\s*tier:\s*'FlexConsumption'\s*\}/);
    expect(mod('function-app')).toMatch(/runtime:\s*\{\s*name:\s*'node'/);
  });
});

describe('AI Foundry account', () => {
  it('may only be placed where all four models are offered (docs/pitfalls.md 2.3)', () => {
    for (const [file, param] of [
      [mod('openai'), 'location'],
      [main, 'aiLocation'],
    ] as const) {
      const allowed = allowedValues(file, param);
      expect(allowed, `@allowed on ${param}`).not.toBeNull();
      expect(allowed!.length).toBeGreaterThan(0);
      for (const [model, regions] of Object.entries(MODEL_REGIONS)) {
        expect(
          allowed!.filter((r) => !regions.includes(r)),
          `regions without ${model}`,
        ).toEqual([]);
      }
    }
    expect(allowedValues(main, 'aiLocation')).toContain(paramDefault(main, 'aiLocation'));
    expect(allowedValues(main, 'aiLocation')).toContain(
      /AZURE_AI_LOCATION=(\w+)/.exec(read('infra/main.parameters.json'))?.[1],
    );
  });

  it('creates the deployments one at a time (@batchSize(1), docs/pitfalls.md 10.3)', () => {
    expect(mod('openai')).toMatch(
      /@batchSize\(1\)\s*\n\s*resource \w+ 'Microsoft\.CognitiveServices\/accounts\/deployments@[\w-]+' = \[for /,
    );
    expect(mod('openai').match(/'Microsoft\.CognitiveServices\/accounts\/deployments@/g)).toHaveLength(1);
  });

  it('deploys the models of the design, each at a pinned version; the image model only when chosen', () => {
    const list = blockAfter(main, /deployments:\s*concat\(\[/, '[');
    for (const model of ['model-router', 'gpt-5-mini', 'gpt-realtime'])
      expect(list).toMatch(new RegExp(`model: '${model}', version: '\\d{4}-\\d{2}-\\d{2}'`));
    expect(main).toMatch(/deployments:\s*concat\(\[[\s\S]*?\], imageDeployments\)/);
    // gpt-image-1 2025-04-15, otherwise (gpt-image-1-mini) 2025-10-06.
    expect(main).toMatch(/var imageModelVersion = imageModel == 'gpt-image-1' \? '2025-04-15' : '2025-10-06'/);
    expect(main).toMatch(/var withImages = imageModel != 'none'/);
    expect(main).toMatch(
      /var imageDeployments = withImages\s*\?\s*\[\{ name: imageDeploymentName, model: imageModel, version: imageModelVersion, capacity: imageCapacity \}\]\s*:\s*\[\]/,
    );
    expect(mod('openai')).toMatch(/versionUpgradeOption: 'NoAutoUpgrade'/);
  });

  it('makes the image model a choice azd asks for: no default, approval named, none = local charts (issue #11 item 1)', () => {
    expect(allowedValues(main, 'imageModel')).toEqual(['gpt-image-1-mini', 'gpt-image-1', 'none']);
    expect(paramNames(main).find((p) => p.name === 'imageModel')).toEqual({ name: 'imageModel', hasDefault: false });
    // azd prompts only for parameters that main.parameters.json leaves out.
    expect(Object.keys(JSON.parse(read('infra/main.parameters.json')).parameters)).not.toContain('imageModel');
    const description = /@description\('([^']*)'\)\s*@allowed\(\[[^\]]*\]\)\s*param imageModel/.exec(main)?.[1];
    expect(description).toMatch(/gpt-image-1-mini and gpt-image-1 are both limited access/);
    expect(description).toContain('https://learn.microsoft.com/azure/foundry/openai/how-to/dall-e');
    expect(description).toMatch(/none = no image deployment/);
    for (const model of allowedValues(main, 'imageModel')!.filter((m) => m !== 'none'))
      expect(Object.keys(MODEL_REGIONS)).toContain(model);
    // With none the variable is empty, which api/config.ts reads as unset: charts are drawn locally.
    expect(main).toMatch(/AZURE_OPENAI_IMAGE_DEPLOYMENT: withImages \? imageDeploymentName : ''/);
    expect(
      loadConfig({ AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com', AZURE_OPENAI_IMAGE_DEPLOYMENT: '' }),
    ).toMatchObject({ provider: 'azure', AZURE_OPENAI_IMAGE_DEPLOYMENT: undefined });
  });

  it('is an AIServices account with a custom subdomain and no local (key) auth', () => {
    expect(mod('openai')).toMatch(/kind: 'AIServices'/);
    expect(mod('openai')).toMatch(/customSubDomainName: name/);
    expect(mod('openai')).toMatch(/disableLocalAuth: true/);
  });
});

describe('keyless, locked-down infra', () => {
  it('disables shared keys on Storage and local auth on Application Insights', () => {
    expect(mod('storage')).toMatch(/allowSharedKeyAccess: false/);
    expect(mod('storage')).toMatch(/allowBlobPublicAccess: false/);
    expect(mod('monitoring')).toMatch(/DisableLocalAuth: true/);
  });

  it('pins Function app CORS to the Static Web App origin, never * (docs/pitfalls.md 8.1)', () => {
    expect(mod('function-app')).toMatch(/cors:\s*\{\s*allowedOrigins: allowedOrigins/);
    expect(main).toMatch(/allowedOrigins: \[web\.outputs\.uri\]/);
    const infra = [main, ...Object.values(modules)].join('\n');
    expect(infra).not.toMatch(/allowedOrigins:[^\n]*'\*'/);
    expect(infra).not.toMatch(/allowedOrigins:\s*\[\s*'\*'/);
  });

  it('outputs no key, secret or connection string from any file', () => {
    const secretName = /key|secret|password|connectionstring|token|sas/i;
    const secretValue = /listKeys|listSecrets|listAccountSas|ConnectionString|AccountKey|InstrumentationKey/i;
    for (const [file, text] of [['main', main] as const, ...Object.entries(modules)]) {
      for (const o of outputsOf(text)) {
        expect(o.name, `${file}: output ${o.name}`).not.toMatch(secretName);
        expect(o.value, `${file}: output ${o.name}`).not.toMatch(secretValue);
      }
      expect(text, file).not.toMatch(/listKeys\(|listSecrets\(|AccountKey=/);
    }
  });

  it('grants the documented roles by GUID: app identity and developer', () => {
    const roles = blockAfter(mod('rbac'), 'var roles =');
    for (const [name, guid] of Object.entries(ROLE_GUIDS)) expect(roles).toMatch(new RegExp(`${name}: '${guid}'`));
    expect(mod('rbac')).toMatch(
      /storageRolesForApp = \[roles\.storageBlobDataOwner, roles\.storageQueueDataContributor, roles\.storageTableDataContributor\]/,
    );
    for (const r of ['appOpenAI', 'appMetrics', 'userOpenAI'])
      expect(mod('rbac')).toMatch(new RegExp(`resource ${r} 'Microsoft\\.Authorization/roleAssignments@`));
  });
});

describe('azd wiring', () => {
  it('references only modules that exist, and every module is used', () => {
    const referenced = [...main.matchAll(/^module \w+ '([^']+)'/gm)].map((m) => m[1]!);
    for (const path of referenced) expect(existsSync(join(ROOT, 'infra', path)), path).toBe(true);
    expect(referenced.map((p) => p.replace(/^\.\/modules\//, '')).sort()).toEqual([...moduleFiles].sort());
  });

  it('passes every required main.bicep parameter from main.parameters.json, and nothing unknown', () => {
    const file = JSON.parse(read('infra/main.parameters.json')) as { parameters: Record<string, unknown> };
    const params = paramNames(main);
    // imageModel is left to azd's prompt on purpose (no default, issue #11 item 1).
    const promptedByAzd = ['imageModel'];
    for (const p of params.filter((x) => !x.hasDefault && !promptedByAzd.includes(x.name)))
      expect(Object.keys(file.parameters)).toContain(p.name);
    for (const name of Object.keys(file.parameters)) expect(params.map((p) => p.name)).toContain(name);
  });

  it('declares the api and web services at real paths, tagged for azd', () => {
    const yaml = read('azure.yaml');
    const service = (name: string) => blockOfYaml(yaml, name);
    const api = service('api');
    expect(api).toMatch(/host: function/);
    expect(api).toMatch(/project: \.\s/);
    expect(api).toMatch(/remoteBuild: true/);
    const pkg = JSON.parse(read('package.json')) as { main: string; scripts: Record<string, string> };
    expect(pkg.main).toBe('dist/app/main.js');
    // azd's `npm run build` (and the remote build) must produce what `main` names: the bundle.
    expect(pkg.scripts.build).toMatch(/npm run build:api/);
    expect(pkg.scripts['build:api']).toContain('scripts/build-api.mjs');
    expect(existsSync(join(ROOT, 'host.json'))).toBe(true);
    const web = service('web');
    expect(web).toMatch(/host: staticwebapp/);
    expect(web).toMatch(/dist: web\/dist/);
    expect(web).toMatch(/npm run build:web/);
    expect(pkg.scripts['build:web']).toContain('web/vite.config.mts');
    expect(read('web/vite.config.mts')).toMatch(/resolve\(webRoot, 'dist'\)/);
    for (const [, script] of yaml.matchAll(/node (infra\/hooks\/[\w.-]+\.mjs)/g))
      expect(existsSync(join(ROOT, script!)), script).toBe(true);
    expect(main).toMatch(/'azd-service-name': 'api'/);
    expect(main).toMatch(/'azd-service-name': 'web'/);
  });

  it('creates the container and every queue the code names', () => {
    const queues = [...blockAfter(main, 'var queueNames =', '[').matchAll(/'([^']+)'/g)].map((m) => m[1]);
    const contracts = readdirSync(join(ROOT, 'api/contracts'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => read(`api/contracts/${f}`))
      .join('\n');
    const declared = [...contracts.matchAll(/QUEUE_NAMES = \[([^\]]*)\]/g)].flatMap((m) =>
      [...m[1]!.matchAll(/'([^']+)'/g)].map((q) => q[1]),
    );
    for (const queue of new Set(['mode-generation', 'chart-images', ...declared])) expect(queues).toContain(queue);
    expect(main).toMatch(/containerNames: \[appContainerName, deploymentContainerName\]/);
  });

  it('keeps .funcignore compatible with the remote build azd runs for Flex Consumption', () => {
    const lines = read('.funcignore')
      .split('\n')
      .map((l) => l.trim());
    expect(lines).toContain('node_modules/');
    expect(lines.filter((l) => /^(tsconfig|api\/|\*\.ts$|package)/.test(l))).toEqual([]);
    // The remote build bundles with scripts/build-api.mjs, and the bundle's maps name our files in stack traces.
    expect(lines.filter((l) => /^(scripts|dist\/?$|dist\/app|\*\.map$|\*\.js$)/.test(l))).toEqual([]);
  });
});

/** The indented block of `  <name>:` under `services:` in azure.yaml (two-space YAML, as written). */
function blockOfYaml(yaml: string, name: string): string {
  const services = yaml.slice(yaml.indexOf('\nservices:'));
  const start = services.indexOf(`\n  ${name}:`);
  if (start === -1) throw new Error(`azure.yaml has no service ${name}`);
  const rest = services.slice(start + 1);
  const end = rest.slice(1).search(/\n(?: {2}\S|\S)/);
  return end === -1 ? rest : rest.slice(0, end + 1);
}
