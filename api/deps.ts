import type { Mode } from './contracts/mode';
import type { Persona } from './contracts/persona';
import type { DeploymentHealth } from './contracts/health';
import { createAzureAdapters } from './adapters/azure/azure-adapters';
import { StoredModeCatalog } from './adapters/mode-catalog';
import { BlobDocumentStore } from './adapters/storage/blob-document-store';
import { loadConfig, type Config } from './config';
import { personaMemo, type PersonaAt } from './domain/persona';
import { boardMemo } from './domain/persona-board';
import type {
  ChatModel,
  Clock,
  DocumentStore,
  JobQueue,
  ModeGenerator,
  RealtimeSecrets,
  StructuredModel,
} from './domain/ports';
import type { ModeCatalog, ModeGallery } from './domain/tools/context';
import { randomUUID } from 'node:crypto';
import { BlobAuditLog } from './adapters/audit/blob-audit-log';
import { createModeGenerator } from './adapters/mode-generators';
import { StorageJobQueue } from './adapters/storage/storage-job-queue';
import { ToolGuard } from './domain/guard/tool-guard';
import { requestMode, type ModeRequestOptions, type ModeRequestOutcome } from './domain/modes/generation/request-mode';
import { createChartAdapters, type ChartAdapters } from './adapters/charts/chart-adapters';
import type { CreateChartImageRequest } from './contracts/charts';
import { requestChartImage, type ChartRequestOptions, type ChartRequestOutcome } from './domain/charts/request-chart';
import { SlidingWindowLimiter } from './domain/guard/rate-limit';
import { REALTIME_SESSIONS_PER_MINUTE } from './domain/realtime/start-session';
import { Billing } from './domain/billing/billing';
import { createBilling } from './adapters/billing/create-billing';
import { switchCommand } from './adapters/offline/command';
import { SpeculativeBrands } from './domain/modes/generation/speculative-brands';
import { speculateBrand } from './domain/modes/generation/speculate-brand';

export interface Deps {
  config: Config;
  store: DocumentStore;
  modes: ModeCatalog;
  /** Who asked for which generated mode, and operators' hide/unhide (the same catalogue instance). */
  gallery: ModeGallery;
  chatModel: ChatModel;
  /** Schema-bound completions on the structured deployment (azure provider only; offline has none). */
  structuredModel?: StructuredModel;
  /** `GET /api/health?deep=1` probes (azure provider only). */
  deployments?: { check(): Promise<DeploymentHealth[]> };
  /** This month's customer of a mode (`personaAt` as of the clock's now). */
  persona: (mode: Mode, seed: number) => Persona;
  /** The one memoised persona function, for the chart routes that draw a given month. */
  personaAt: PersonaAt;
  clock: Clock;
  jobQueue: JobQueue;
  modeGenerator: ModeGenerator;
  /** Per-session tool rate limit and the tool-call audit log (docs/pitfalls.md 9.2). */
  toolGuard: ToolGuard;
  /** A stored or pre-built mode, or the job generating it (POST /api/modes, switch_mode). */
  requestMode: (
    request: { industry: string; companyName?: string | null },
    options?: ModeRequestOptions,
  ) => Promise<ModeRequestOutcome>;
  /** Chart image store, renderer and generator (issue #6). */
  charts: ChartAdapters;
  /** A stored chart image, or the one job painting it (POST /api/charts, make_chart_image, the timer). */
  requestChartImage: (request: CreateChartImageRequest, options?: ChartRequestOptions) => Promise<ChartRequestOutcome>;
  /** Voice session secrets (azure provider only; offline answers 503 with the reason). */
  realtimeSecrets?: RealtimeSecrets;
  /** Voice sessions minted per conversation (POST /api/realtime/session). */
  realtimeLimiter: SlidingWindowLimiter;
  /** API keys, plans, the demo budget and metering (issue #8). */
  billing: Billing;
  /**
   * Starts a new industry's brand call on the words of a chat command, before the model's tool
   * call (issue #12); `mayStart` says whether the caller has a generation left. Two-step only.
   */
  speculateBrand?: (text: string, mayStart: () => boolean) => void;
}

/**
 * Reads a command with the offline engine's parser, knowing no industry word lists: only words that
 * can mean nothing but "become this" (the magic words, "turn yourself into") start a brand call.
 */
const NO_VOCABULARY = { isKnown: () => false };

let deps: Deps | undefined;

/**
 * The offline engine, loaded on its first turn: its grammar and vocabulary are about a tenth of a
 * function's cold import, and the azure provider never needs them (`npm run bench`, cold start).
 */
function lazyOfflineChatModel(getMode: (id: string) => Promise<Mode | undefined>, chunkMs: number): ChatModel {
  let model: Promise<ChatModel> | undefined;
  return {
    provider: 'offline',
    async *stream(request, signal) {
      model ??= import('./adapters/offline/chat-model').then((m) => new m.OfflineChatModel(getMode, chunkMs));
      yield* (await model).stream(request, signal);
    },
  };
}

/** The composition root: every adapter is built once per process, on first use (docs/pitfalls.md 6.2). */
export function getDeps(): Deps {
  deps ??= buildDeps(loadConfig());
  return deps;
}

export function buildDeps(config: Config, overrides: Partial<Deps> = {}): Deps {
  const store = overrides.store ?? new BlobDocumentStore(config);
  const catalog = new StoredModeCatalog(store);
  const modes = overrides.modes ?? catalog;
  // One instance for both, so a hide drops the very list cache the gallery is served from.
  const gallery = overrides.gallery ?? (modes instanceof StoredModeCatalog ? modes : catalog);
  // Built without loading the SDKs: openai and @azure/identity load on the first Azure call.
  const azure = config.provider === 'azure' ? createAzureAdapters(config) : undefined;
  const chatModel =
    overrides.chatModel ??
    azure?.chatModel ??
    lazyOfflineChatModel((id) => modes.get(id), config.PRESTO_OFFLINE_CHUNK_MS);
  const structuredModel = overrides.structuredModel ?? azure?.structuredModel;
  const deployments = overrides.deployments ?? azure?.deployments;
  const realtimeSecrets = overrides.realtimeSecrets ?? azure?.realtimeSecrets;
  const clock = overrides.clock ?? { now: () => new Date() };
  const personaAt = personaMemo();
  // What the dashboard and the assistant read: the persona with its lists and action confirmations.
  const personaWithBoard = boardMemo(personaAt);
  const jobQueue = overrides.jobQueue ?? new StorageJobQueue(config);
  const modeGenerator = overrides.modeGenerator ?? createModeGenerator(config, structuredModel);
  const toolGuard =
    overrides.toolGuard ??
    new ToolGuard(new BlobAuditLog(store, (e) => console.warn('[audit] write failed:', e)), clock);
  const newToken = () => randomUUID().replace(/-/g, '');
  const charts = overrides.charts ?? createChartAdapters(config, azure?.imageGenerator);
  // A two-step generator's brand step runs in the request that creates a job (issue #12).
  const designBrand = modeGenerator.designBrand?.bind(modeGenerator);
  const log = (line: string) => console.warn(line);
  // One per process: the chat route starts a brand call on a command's words, the run it creates takes it.
  const speculative = designBrand ? new SpeculativeBrands(clock, log) : undefined;
  const brandStep = designBrand && speculative ? { designBrand, speculative, log } : {};
  const speculation =
    designBrand && speculative ? { drafts: speculative, designBrand, modes, store, clock, log } : undefined;
  return {
    config,
    store,
    modes,
    gallery,
    chatModel,
    ...(structuredModel ? { structuredModel } : {}),
    ...(deployments ? { deployments } : {}),
    ...(realtimeSecrets ? { realtimeSecrets } : {}),
    realtimeLimiter: overrides.realtimeLimiter ?? new SlidingWindowLimiter(REALTIME_SESSIONS_PER_MINUTE, 60_000),
    billing: overrides.billing ?? createBilling(config, clock),
    persona: overrides.persona ?? ((mode, seed) => personaWithBoard(mode, seed, clock.now())),
    personaAt,
    clock,
    jobQueue,
    modeGenerator,
    toolGuard,
    requestMode:
      overrides.requestMode ??
      ((request, options) =>
        requestMode(request, { modes, store, queue: jobQueue, clock, newToken, ...brandStep }, options)),
    charts,
    requestChartImage:
      overrides.requestChartImage ??
      ((request, options) =>
        requestChartImage(
          request,
          {
            modes,
            store,
            images: charts.images,
            queue: jobQueue,
            clock,
            persona: personaAt,
            generator: charts.generator,
            newToken,
          },
          options,
        )),
    ...(speculation
      ? {
          speculateBrand: (text: string, mayStart: () => boolean) =>
            void speculateBrand(switchCommand(text, NO_VOCABULARY), mayStart, speculation),
        }
      : {}),
  };
}

/** Tests swap the process-wide deps. */
export function setDepsForTesting(value: Deps | undefined): void {
  deps = value;
}
