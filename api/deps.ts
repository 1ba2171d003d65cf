import type { Mode } from './contracts/mode';
import type { Persona } from './contracts/persona';
import { OfflineChatModel } from './adapters/offline/chat-model';
import { StoredModeCatalog } from './adapters/mode-catalog';
import { BlobDocumentStore } from './adapters/storage/blob-document-store';
import { ConfigError, loadConfig, type Config } from './config';
import { buildPersona } from './domain/persona';
import type { ChatModel, DocumentStore } from './domain/ports';
import type { ModeCatalog } from './domain/tools/context';

export interface Deps {
  config: Config;
  store: DocumentStore;
  modes: ModeCatalog;
  chatModel: ChatModel;
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
  if (config.provider === 'azure' && !overrides.chatModel) {
    // The Azure OpenAI adapter lands with issue #3; refusing loudly beats silently going offline.
    throw new ConfigError('AI_PROVIDER=azure is not available in this build yet (issue #3). Unset AZURE_OPENAI_ENDPOINT to use the offline engine.');
  }
  const chatModel = overrides.chatModel ?? new OfflineChatModel((id) => modes.get(id), config.PRESTO_OFFLINE_CHUNK_MS);
  return {
    config,
    store,
    modes,
    chatModel,
    persona: overrides.persona ?? ((mode, seed) => buildPersona(mode, seed, new Date())),
  };
}

/** Tests swap the process-wide deps. */
export function setDepsForTesting(value: Deps | undefined): void {
  deps = value;
}
