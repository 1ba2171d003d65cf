// Chart images end to end: the real HTTP handlers and `chart-images` queue handler, run by the local
// runtime's queue runner (host semantics from host.json) against Azurite, with the Azure image
// adapter talking to the Foundry emulator — or the offline renderer.
import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import { createChartAdapters } from '../../api/adapters/charts/chart-adapters';
import { createAzureAdapters } from '../../api/adapters/azure/azure-adapters';
import { loadConfig } from '../../api/config';
import { ChartImage, ChartJob, ChartJobAccepted } from '../../api/contracts/charts';
import { buildDeps, type Deps } from '../../api/deps';
import { chartGet } from '../../api/functions/chart-get';
import { chartImagesQueue } from '../../api/functions/chart-images-queue';
import { chartsPost } from '../../api/functions/charts-post';
import { jobGet } from '../../api/functions/job-get';
import { freeAzuritePorts, startAzurite, type AzuriteHandle } from '../../api/local/azurite';
import type { FunctionHandler, Registration } from '../../api/local/functions-core-shim';
import { readHostConfig } from '../../api/local/host-config';
import { startQueueRunner, type QueueRunner } from '../../api/local/queue-runner';
import { emulatedAzureEnv, startFoundryEmulator, type FoundryEmulator } from '../fakes/foundry-emulator';
import { until } from '../helpers/until';

export { until };

const root = `${__dirname}/../..`;
export const logs: string[] = [];
export const ctx = () =>
  new InvocationContext({
    functionName: 'test',
    logHandler: (_level, ...args) => void logs.push(args.map(String).join(' ')),
  });

export interface ChartEnv {
  azurite: AzuriteHandle;
  emulator?: FoundryEmulator;
  deps: Deps;
  /** Waits the Azure retry policy asked for (the injected sleep returns at once). */
  sleeps: number[];
  runner: QueueRunner;
  stop(): Promise<void>;
}

/** A fresh Azurite, the emulator (provider azure) or none (offline), and the queue runner; fallback retries after 1 s. */
export async function startChartEnv(
  provider: 'azure' | 'offline',
  options: { imageDeployment?: string | null } = {},
): Promise<ChartEnv> {
  const azurite = await startAzurite({
    ...(await freeAzuritePorts()),
    inMemory: true,
  });
  const emulator = provider === 'azure' ? await startFoundryEmulator() : undefined;
  // emulatedAzureEnv names the image deployment: it is opt-in in the app (issue #11 item 1).
  const azureEnv = emulator ? emulatedAzureEnv(emulator, options) : { AI_PROVIDER: 'offline' };
  const config = loadConfig({
    AzureWebJobsStorage: azurite.connectionString,
    PRESTO_OFFLINE_CHUNK_MS: '0',
    ...azureEnv,
  });
  const sleeps: number[] = [];
  const azure = emulator
    ? createAzureAdapters(config, { retry: { random: () => 0, sleep: async (ms: number) => void sleeps.push(ms) } })
    : undefined;
  const charts = { ...createChartAdapters(config, azure?.imageGenerator), retryDelaysSeconds: [1, 1, 1] };
  const deps = buildDeps(config, { charts, ...(azure ? { chatModel: azure.chatModel } : {}) });
  const registration: Registration = {
    name: 'chart-images-queue',
    bindings: {
      queueItem: {
        type: 'queueTrigger',
        direction: 'in',
        name: 'queueItem',
        queueName: 'chart-images',
        connection: 'AzureWebJobsStorage',
      },
    },
    handler: chartImagesQueue(() => deps) as FunctionHandler,
  };
  const settings = { ...readHostConfig(root).queues, visibilityTimeoutMs: 150, maxPollingIntervalMs: 150 };
  const runner = await startQueueRunner({
    registry: [registration],
    settings,
    logger: (l) => logs.push(l),
    env: { AzureWebJobsStorage: azurite.connectionString },
  });
  return {
    azurite,
    emulator,
    deps,
    sleeps,
    runner,
    async stop() {
      await runner.stop();
      await emulator?.stop();
      await azurite.stop();
    },
  };
}

export const postChart = (deps: Deps, body: unknown): Promise<HttpResponseInit> =>
  chartsPost()(
    new HttpRequest({
      method: 'POST',
      url: 'http://127.0.0.1/api/charts',
      headers: { 'content-type': 'application/json' },
      body: { string: JSON.stringify(body) },
    }),
    ctx(),
    deps,
  );

export async function getChart(deps: Deps, key: string, headers: Record<string, string> = {}) {
  const res = await chartGet(() => deps)(
    new HttpRequest({ method: 'GET', url: `http://127.0.0.1/api/charts/${key}`, params: { key }, headers }),
    ctx(),
  );
  const h = new Headers(res.headers);
  return {
    status: res.status,
    headers: h,
    bytes: res.body instanceof Uint8Array ? res.body : undefined,
    json: res.jsonBody as unknown,
  };
}

export const getChartJob = async (deps: Deps, id: string) =>
  ChartJob.parse(
    (
      await jobGet(() => deps)(
        new HttpRequest({ method: 'GET', url: `http://127.0.0.1/api/jobs/${id}`, params: { id } }),
        ctx(),
      )
    ).jsonBody,
  );

/** POST until the image is stored (following the job), returning it and the job id. */
export async function illustrate(
  deps: Deps,
  body: { modeId: string; datasetIds: string[]; personaSeed: number },
): Promise<{ image: ChartImage; jobId?: string }> {
  const first = await postChart(deps, body);
  if (first.status === 200) return { image: ChartImage.parse(first.jsonBody) };
  const { jobId } = ChartJobAccepted.parse(first.jsonBody);
  const job = await until(`job ${jobId}`, async () => {
    const j = await getChartJob(deps, jobId);
    return j.status === 'done' || j.status === 'failed' ? j : undefined;
  });
  if (!job.result) throw new Error(`job ${jobId} ${job.status}: ${job.error?.message ?? ''}`);
  return { image: job.result, jobId };
}
