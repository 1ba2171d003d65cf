import type { FinishReason, Usage } from '../contracts/chat';
import type { GeneratedModeDraft, ModeBrandDraft, ModeGenerationRequest } from '../contracts/generated-mode';
import type { QueueName } from '../contracts/jobs';

/** A message as the model sees it: the client history plus the server-owned system prompt. */
export type ModelMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: ModelToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };

export interface ModelToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/** A tool as offered to a model: JSON Schema parameters generated from the zod schema. */
export interface ToolDefinition {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

export interface ModelRequest {
  messages: ModelMessage[];
  tools: ToolDefinition[];
  /** Realistic cap: Azure counts prompt + this against the TPM quota up front (docs/pitfalls.md 4.1). */
  maxCompletionTokens: number;
  /** Which mode and persona the conversation is in; the offline engine reads it, Azure ignores it. */
  context: { modeId: string; personaSeed: number };
}

/** What a ChatModel streams: text as it comes, tool calls once fully assembled, then one `end`. */
export type ModelChunk =
  | { type: 'text'; text: string }
  | { type: 'tool_call'; call: ModelToolCall }
  /** Progress worth showing the user, e.g. "Azure is busy, retrying…". */
  | { type: 'status'; message: string }
  | { type: 'end'; finishReason: FinishReason; model: string; usage: Usage };

/** The chat port: implemented by the offline engine and the Azure OpenAI adapter. */
export interface ChatModel {
  readonly provider: 'offline' | 'azure';
  stream(request: ModelRequest, signal?: AbortSignal): AsyncIterable<ModelChunk>;
}

/** JSON documents in Blob Storage (modes/, jobs/, audit/ …). */
export interface DocumentStore {
  /** The parsed document, or undefined when there is none. */
  getJson(path: string): Promise<unknown>;
  putJson(path: string, value: unknown): Promise<void>;
  list(prefix: string): Promise<string[]>;
  ping(): Promise<boolean>;
  /** The document with its version (Blob ETag), for compare-and-swap updates. */
  read(path: string): Promise<{ value: unknown; etag: string } | undefined>;
  /** Writes only if absent (`If-None-Match: *`); false when it already exists. */
  create(path: string, value: unknown): Promise<boolean>;
  /** Writes only if unchanged since `etag` was read (`If-Match`); false when it changed. */
  replace(path: string, value: unknown, etag: string): Promise<boolean>;
  /** Appends lines to an append blob, creating it on first use (audit logs). */
  appendLines(path: string, lines: string[]): Promise<void>;
}

/** Progress a two-step design reports before it finishes (issue #12), and what it already has. */
export interface ModeDesignProgress {
  /**
   * The brand step is done; the details will keep the brand this resolves to: the one passed in,
   * or one already shown for this job that stands instead (first recorded wins). A throw stops the design.
   */
  onBrand(brand: ModeBrandDraft): Promise<ModeBrandDraft | void>;
  /** A brand already designed and shown (by the request that created the job, or an earlier attempt): only the details are made for it. */
  brand?: ModeBrandDraft;
  /** The invocation's log, for the generator's per-call lines (token use). */
  log?: (line: string) => void;
}

/** Designs a new industry mode: bounded fields only (see contracts/generated-mode.ts). */
export interface ModeGenerator {
  readonly name: string;
  /** The whole draft; a two-step generator calls `progress.onBrand` in between, a one-shot one never does. */
  generate(request: ModeGenerationRequest, progress?: ModeDesignProgress): Promise<GeneratedModeDraft>;
  /**
   * The brand step alone, for the request that creates the job to run at once (issue #12). Only
   * two-step generators have it; a one-shot design has no separate look to show early. `log`
   * hears the call's usage line, as the worker's calls do.
   */
  designBrand?(request: ModeGenerationRequest, log?: (line: string) => void): Promise<ModeBrandDraft>;
}

/** Sends a message to a storage queue; the encoding the trigger expects is the adapter's business. */
export interface JobQueue {
  /** `delaySeconds` keeps the message invisible that long first (a later retry; at most 7 days). */
  send(queue: QueueName, message: unknown, options?: { delaySeconds?: number }): Promise<void>;
}

export interface Clock {
  now(): Date;
}

/**
 * A schema-bound completion. Azure: a strict json_schema call on the structured deployment (never
 * the router, docs/pitfalls.md 3.1), every response validated with the same zod schema, one retry, then a
 * clear failure. Implemented by the Azure adapter (#3); the offline engine does not need it.
 */
export interface StructuredModel {
  complete<T>(request: {
    /** json_schema name: ^[a-zA-Z0-9_-]{1,64}$ */
    name: string;
    schema: import('zod').ZodType<T>;
    messages: ModelMessage[];
    maxCompletionTokens: number;
    /** The invocation's log (the trigger's `context.log`): one line per call with its token use. */
    log?: (line: string) => void;
  }): Promise<T>;
}

/** A minted voice secret, and the part of the session the mint could not carry. */
export interface MintedSecret {
  value: string;
  expiresAt: Date;
  /** For the browser's first `session.update`; undefined when the mint carried the whole session. */
  sessionUpdate?: import('../contracts/realtime').RealtimeSessionUpdate;
}

/**
 * Mints short-lived client secrets for browser WebRTC voice sessions (GA
 * `/openai/v1/realtime/client_secrets`, https://learn.microsoft.com/azure/foundry/openai/how-to/realtime-audio-webrtc).
 * The server builds the session; whatever the mint cannot carry comes back as `sessionUpdate`.
 * Implemented by the Azure adapter only.
 */
export interface RealtimeSecrets {
  /** Where the browser posts its SDP offer (`…/openai/v1/realtime/calls`). */
  readonly callsUrl: string;
  mint(session: import('./realtime/session-config').RealtimeSessionConfig, ttlSeconds: number): Promise<MintedSecret>;
}

/** A PNG, already checked (domain/charts/png.ts): never unvalidated upstream bytes. */
export interface PngImage {
  bytes: Uint8Array;
  width: number;
  height: number;
}

/**
 * Draws a chart picture (issue #6): gpt-image on the image deployment (azure) or the local
 * renderer (offline). Throws UpstreamUnavailable when throttled, ImageRefused when filtered and
 * InvalidImage when the bytes are not the PNG asked for.
 */
export interface ImageGenerator {
  /** What draws (deployment and quality, or renderer version): part of every chart key. */
  readonly model: string;
  readonly source: 'model' | 'local';
  generate(picture: import('./charts/picture').ChartPicture, signal?: AbortSignal): Promise<PngImage>;
}

/** Renders a chart picture locally: the offline image generator, and every fallback. */
export interface ChartRenderer {
  readonly version: string;
  render(picture: import('./charts/picture').ChartPicture): Promise<PngImage>;
}

/** Binary blobs with string metadata (`charts/<key>.png`). */
export interface ImageStore {
  get(path: string): Promise<{ bytes: Uint8Array; metadata: Record<string, string>; etag: string } | undefined>;
  /** Metadata only (no download): is the image there, and is it a fallback? */
  head(path: string): Promise<{ metadata: Record<string, string>; etag: string } | undefined>;
  /** `onlyIfAbsent` writes with If-None-Match: * and returns false when the blob exists. */
  put(
    path: string,
    bytes: Uint8Array,
    metadata: Record<string, string>,
    options?: { onlyIfAbsent?: boolean },
  ): Promise<boolean>;
}
