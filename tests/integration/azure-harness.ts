import { createAzureAdapters, type AzureAdapters } from '../../api/adapters/azure/azure-adapters';
import { createTokenProvider, type IdentitySdk } from '../../api/adapters/azure/credential';
import { createOpenAiClient } from '../../api/adapters/azure/openai-client';
import type { StructuredCallUsage } from '../../api/adapters/azure/structured-model';
import { loadConfig, type Config } from '../../api/config';
import { ChatEvent, type ChatMessage } from '../../api/contracts/chat';
import { runChat } from '../../api/domain/chat/run-chat';
import { builtinModeSummaries, getBuiltinMode } from '../../api/domain/modes/catalog';
import { buildPersona } from '../../api/domain/persona';
import type { ModeCatalog } from '../../api/domain/tools/context';
import { startFoundryEmulator, type FoundryEmulator, type FoundryEmulatorOptions } from '../fakes/foundry-emulator';

export interface AzureHarness {
  emulator: FoundryEmulator;
  config: Config;
  adapters: AzureAdapters;
  /** Waits the retry policy asked for (the injected sleep returns at once). */
  sleeps: number[];
  /** Every structured call's token use, reasoning included. */
  structuredUsage: StructuredCallUsage[];
  /** How many times an SDK client was built (docs/pitfalls.md 6.2). */
  builds(): number;
  chat(messages: string | ChatMessage[], modeId?: string, signal?: AbortSignal): Promise<ChatEvent[]>;
  stop(): Promise<void>;
}

export const modes: ModeCatalog = { get: async (id) => getBuiltinMode(id), list: async () => builtinModeSummaries() };
const asOf = new Date('2026-11-15T00:00:00Z');

/** The real Azure adapters wired to a fresh Foundry emulator; retries sleep instantly and record their waits. */
export async function azureHarness(
  options: {
    emulator?: FoundryEmulatorOptions;
    env?: Record<string, string>;
    identity?: () => Promise<IdentitySdk>;
    keyAuth?: boolean;
  } = {},
): Promise<AzureHarness> {
  const emulator = await startFoundryEmulator(options.emulator);
  const key = options.keyAuth === false ? {} : { AZURE_OPENAI_API_KEY: emulator.apiKey };
  const config = loadConfig({ AZURE_OPENAI_ENDPOINT: emulator.url, ...key, ...options.env });
  const sleeps: number[] = [];
  const structuredUsage: StructuredCallUsage[] = [];
  let builds = 0;
  const auth = config.AZURE_OPENAI_API_KEY
    ? { apiKey: config.AZURE_OPENAI_API_KEY }
    : { tokenProvider: createTokenProvider(config, options.identity) };
  const adapters = createAzureAdapters(config, {
    buildClient: () => {
      builds++;
      return createOpenAiClient({ endpoint: emulator.url, timeoutMs: config.AZURE_OPENAI_TIMEOUT_MS, ...auth });
    },
    retry: { random: () => 0, sleep: async (ms: number) => void sleeps.push(ms) },
    onStructuredUsage: (usage) => void structuredUsage.push(usage),
  });
  return {
    emulator,
    config,
    adapters,
    sleeps,
    structuredUsage,
    builds: () => builds,
    async chat(messages, modeId = 'banking', signal) {
      const history: ChatMessage[] = typeof messages === 'string' ? [{ role: 'user', content: messages }] : messages;
      const turn = { mode: getBuiltinMode(modeId)!, personaSeed: 7, messages: history };
      const events: ChatEvent[] = [];
      const deps = {
        model: adapters.chatModel,
        modes,
        persona: (mode: Parameters<typeof buildPersona>[0], seed: number) => buildPersona(mode, seed, asOf),
      };
      for await (const event of runChat(turn, deps, signal)) events.push(ChatEvent.parse(event));
      return events;
    },
    stop: () => emulator.stop(),
  };
}

export const ofType = <T extends ChatEvent['type']>(events: ChatEvent[], type: T) =>
  events.filter((e): e is Extract<ChatEvent, { type: T }> => e.type === type);
export const textOf = (events: ChatEvent[]) =>
  ofType(events, 'delta')
    .map((e) => e.text)
    .join('');
export const doneOf = (events: ChatEvent[]) => ofType(events, 'done')[0]!;
