import type { Mode } from './contracts/mode';
import type { Persona } from './contracts/persona';
import type { DeploymentHealth } from './contracts/health';
import { createAzureAdapters } from './adapters/azure/azure-adapters';
import { OfflineChatModel } from './adapters/offline/chat-model';
import { StoredModeCatalog } from './adapters/mode-catalog';
import { BlobDocumentStore } from './adapters/storage/blob-document-store';
import { loadConfig, type Config } from './config';
import { buildPersona } from './domain/persona';
import type { ChatModel, DocumentStore, StructuredModel } from './domain/ports';
import type { ModeCatalog } from './domain/tools/context';

export interface Deps {
  config: Config;
  store: DocumentStore;
  modes: ModeCatalog;
  chatModel: ChatModel;
  /** Schema-bound completions on the structured deployment (azure provider only; offline has none). */
  structuredModel?: StructuredModel;
  /** `GET /api/health?deep=1` probes (azure provider only). */
  deployments?: { check(): Promise<DeploymentHealth[]> };
  persona(mode: Mode, seed: number): Persona;
}

let deps: Deps | undefined;

/** The composition root: every adapter is built once per process, on first use (PITFALLS 6.2). */
export function getDeps(): Deps {
  deps ??= buildDeps(loadConfig());
  return deps;
}

export function buildDeps(config: Config, overrides: Partial<Deps> = {}): Deps {
  const store = overrides.store ?? new BlobDocumentStore(config);
  const modes = overrides.modes ?? new StoredModeCatalog(store);
  // Built without loading the SDKs: openai and @azure/identity load on the first Azure call.
  const azure = config.provider === 'azure' ? createAzureAdapters(config) : undefined;
  const chatModel = overrides.chatModel ?? azure?.chatModel ?? new OfflineChatModel((id) => modes.get(id), config.PRESTO_OFFLINE_CHUNK_MS);
  const structuredModel = overrides.structuredModel ?? azure?.structuredModel;
  const deployments = overrides.deployments ?? azure?.deployments;
  return {
    config,
    store,
    modes,
    chatModel,
    ...(structuredModel ? { structuredModel } : {}),
    ...(deployments ? { deployments } : {}),
    persona: overrides.persona ?? ((mode, seed) => buildPersona(mode, seed, new Date())),
  };
}

/** Tests swap the process-wide deps. */
export function setDepsForTesting(value: Deps | undefined): void {
  deps = value;
}
