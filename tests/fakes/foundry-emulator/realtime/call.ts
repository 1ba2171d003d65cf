import type { ChatMessageBody, ChatRequestBody, ScriptedReply } from '../types';
import { cancelNotActive, ev, MS_PER_CHAR, rid, sessionExpired, wireItem, type Item } from './events';
import type { EmulatedPeer } from './peer';
import { Responder, type Reply } from './responder';

export type Brain = (request: ChatRequestBody) => Promise<ScriptedReply>;

/** The session config a client secret was minted with (only the parts the emulator reads). */
export interface CallSession {
  model: string;
  instructions?: string;
  tools?: { name: string; parameters?: unknown }[];
  audio?: { input?: { turn_detection?: { create_response?: boolean; interrupt_response?: boolean } | null } };
  [key: string]: unknown;
}

export interface CallOptions {
  brain: Brain;
  /** Azure ends a session after 30 minutes; tests shorten it (docs/pitfalls.md 2.1). */
  sessionMaxSeconds: number;
  /** When the SDP offer arrived (connect time is measured from it). */
  offerAt?: number;
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * One emulated gpt-realtime call: the conversation, the client events it received, and scripted
 * turns. A test cannot do voice activity detection on fake audio, so the user "speaks" when the test
 * says so (`userSays`); everything after that follows the GA protocol (openai-node
 * `src/resources/realtime/realtime.ts`).
 */
export class RealtimeCall {
  readonly id = rid('rtc');
  readonly createdAt: number;
  readonly received: Record<string, unknown>[] = [];
  readonly truncations: { item_id: string; audio_end_ms: number }[] = [];
  readonly items: Item[] = [];
  openedAt?: number;
  closedAt?: number;
  expired = false;
  private readonly scripted: Reply[] = [];
  private readonly responder: Responder;
  private expiry?: NodeJS.Timeout;

  constructor(
    readonly peer: EmulatedPeer,
    private session: CallSession,
    private readonly options: CallOptions,
  ) {
    this.createdAt = options.offerAt ?? Date.now();
    this.responder = new Responder(peer, this.items);
    peer.onOpen(() => {
      this.openedAt = Date.now();
      const expiresAt = Math.floor(this.createdAt / 1000) + options.sessionMaxSeconds;
      peer.send(
        ev('session.created', {
          session: { ...this.session, id: rid('sess'), object: 'realtime.session', expires_at: expiresAt },
        }),
      );
      this.expiry = setTimeout(() => this.expire(), options.sessionMaxSeconds * 1000);
    });
    peer.onEvent((event) => void this.onClientEvent(obj(event)));
    peer.onClose(() => {
      this.closedAt = Date.now();
      clearTimeout(this.expiry);
    });
  }

  get instructions(): string {
    return this.session.instructions ?? '';
  }

  get open(): boolean {
    return this.openedAt !== undefined && this.closedAt === undefined;
  }

  /** The user speaks: VAD events, the committed item, a response, and the transcript (late, as on Azure). */
  async userSays(transcript: string, speechMs = 350): Promise<void> {
    const itemId = rid('item');
    const at = Date.now() - this.createdAt;
    this.peer.send(ev('input_audio_buffer.speech_started', { audio_start_ms: at, item_id: itemId }));
    if (this.vad().interrupt_response !== false) this.responder.cancel();
    await delay(speechMs);
    const previous = this.items.at(-1)?.id ?? null;
    this.peer.send(ev('input_audio_buffer.speech_stopped', { audio_end_ms: at + speechMs, item_id: itemId }));
    this.peer.send(ev('input_audio_buffer.committed', { previous_item_id: previous, item_id: itemId }));
    const item: Item = { id: itemId, type: 'message', role: 'user' };
    this.peer.send(ev('conversation.item.added', { previous_item_id: previous, item: wireItem(item) }));
    this.items.push(item);
    // The model hears the audio at once; the transcript is a separate, slower job (docs/pitfalls.md 2.5),
    // and only when the session asks for it: input transcription "defaults to off" (openai-node
    // `RealtimeAudioConfigInput.transcription`).
    item.text = transcript;
    if (this.transcribes())
      setTimeout(() => {
        this.peer.send(
          ev('conversation.item.input_audio_transcription.completed', {
            item_id: itemId,
            content_index: 0,
            transcript,
            usage: { type: 'duration', seconds: 1 },
          }),
        );
      }, 60);
    if (this.vad().create_response !== false) await this.respond();
  }

  /** The next responses play these instead of the brain's answer. */
  script(...replies: Reply[]): void {
    this.scripted.push(...replies);
  }

  /** Ends the session like Azure at its maximum duration: an error event, then the call drops. */
  expire(): void {
    if (!this.open) return;
    this.expired = true;
    this.responder.cancel();
    this.peer.send(sessionExpired());
    setTimeout(() => this.peer.close(), 50);
  }

  close(): void {
    clearTimeout(this.expiry);
    this.peer.close();
  }

  private transcribes(): boolean {
    return typeof obj(obj(obj(this.session.audio).input).transcription).model === 'string';
  }

  private vad() {
    return obj(obj(obj(this.session.audio).input).turn_detection) as {
      create_response?: boolean;
      interrupt_response?: boolean;
    };
  }

  private async onClientEvent(event: Record<string, unknown>): Promise<void> {
    this.received.push(event);
    switch (event.type) {
      case 'session.update':
        return this.updateSession(event);
      case 'conversation.item.create':
        return this.addItem(obj(event.item));
      case 'response.create':
        return this.respond();
      case 'response.cancel':
        if (!this.responder.cancel()) this.peer.send(cancelNotActive(event.event_id));
        return;
      case 'conversation.item.truncate':
        return this.truncate(str(event.item_id) ?? '', Number(event.audio_end_ms) || 0);
      case 'output_audio_buffer.clear':
        this.peer.speaker.stop();
        return this.peer.send(ev('output_audio_buffer.cleared', {}));
      case 'input_audio_buffer.clear':
        return this.peer.send(ev('input_audio_buffer.cleared', {}));
    }
  }

  /**
   * GA `session.update`: `session.type` is required (openai-node `RealtimeSessionCreateRequest`),
   * the fields present are applied (objects field by field), and `session.updated` carries the result
   * (https://platform.openai.com/docs/api-reference/realtime-client-events/session/update). Azure
   * documents the same event for WebRTC (https://learn.microsoft.com/azure/foundry/openai/how-to/realtime-audio-webrtc).
   */
  private updateSession(event: Record<string, unknown>): void {
    const update = obj(event.session);
    if (update.type !== 'realtime')
      return this.peer.send(
        ev('error', {
          error: {
            type: 'invalid_request_error',
            code: 'missing_required_parameter',
            message: "Missing required parameter: 'session.type'.",
            param: 'session.type',
            event_id: event.event_id ?? null,
          },
        }),
      );
    this.session = merge(this.session, update) as CallSession;
    this.peer.send(ev('session.updated', { session: this.session }));
  }

  private addItem(raw: Record<string, unknown>): void {
    const type = raw.type;
    const id = str(raw.id) ?? rid('item');
    let item: Item | undefined;
    if (type === 'function_call_output')
      item = { id, type, call_id: str(raw.call_id) ?? '', output: str(raw.output) ?? '' };
    else if (type === 'function_call')
      item = {
        id,
        type,
        call_id: str(raw.call_id) ?? '',
        name: str(raw.name) ?? '',
        arguments: str(raw.arguments) ?? '{}',
      };
    else if (type === 'message') {
      const role = raw.role === 'assistant' || raw.role === 'system' ? raw.role : 'user';
      const content = Array.isArray(raw.content) ? raw.content.map(obj) : [];
      item = { id, type, role, text: content.map((c) => str(c.text) ?? str(c.transcript) ?? '').join('') };
    }
    if (!item)
      return this.peer.send(
        ev('error', {
          error: {
            type: 'invalid_request_error',
            code: 'invalid_value',
            message: `Unknown item type ${String(type)}`,
            param: 'item.type',
          },
        }),
      );
    const previous = this.items.at(-1)?.id ?? null;
    this.items.push(item);
    this.peer.send(ev('conversation.item.added', { previous_item_id: previous, item: wireItem(item) }));
    this.peer.send(ev('conversation.item.done', { previous_item_id: previous, item: wireItem(item) }));
  }

  private truncate(itemId: string, audioEndMs: number): void {
    this.truncations.push({ item_id: itemId, audio_end_ms: audioEndMs });
    if (this.responder.speakingItemId === itemId) this.responder.cancel();
    const item = this.items.find((i) => i.id === itemId);
    if (item?.text) item.text = item.text.slice(0, Math.round(audioEndMs / MS_PER_CHAR));
    this.peer.send(ev('conversation.item.truncated', { item_id: itemId, content_index: 0, audio_end_ms: audioEndMs }));
  }

  private async respond(): Promise<void> {
    if (this.responder.busy) {
      this.peer.send(
        ev('error', {
          error: {
            type: 'invalid_request_error',
            code: 'conversation_already_has_active_response',
            message: 'Conversation already has an active response in progress.',
          },
        }),
      );
      return;
    }
    const reply = this.scripted.shift() ?? toReply(await this.options.brain(this.chatRequest()));
    await this.responder.play(reply);
  }

  /** The conversation as a chat request, so the emulator's chat brain can decide the answer. */
  private chatRequest(): ChatRequestBody {
    const messages: ChatMessageBody[] = [{ role: 'system', content: this.session.instructions ?? '' }];
    for (const item of this.items) {
      if (item.type === 'message')
        messages.push({
          role: item.role === 'assistant' ? 'assistant' : item.role === 'system' ? 'system' : 'user',
          content: item.text ?? '',
        });
      else if (item.type === 'function_call')
        messages.push({
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: item.call_id ?? '', function: { name: item.name ?? '', arguments: item.arguments ?? '{}' } },
          ],
        });
      else messages.push({ role: 'tool', tool_call_id: item.call_id ?? '', content: item.output ?? '' });
    }
    const tools = (this.session.tools ?? []).map((t) => ({
      type: 'function' as const,
      function: { name: t.name, parameters: t.parameters },
    }));
    return { model: this.session.model, messages, tools };
  }
}

/** Objects merge field by field; anything else (arrays, strings, null) replaces. */
function merge(base: unknown, patch: unknown): unknown {
  const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  if (!isObj(base) || !isObj(patch)) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) out[key] = merge(base[key], value);
  return out;
}

function toReply(reply: ScriptedReply): Reply {
  if (reply.kind === 'tool_calls')
    return { kind: 'tools', calls: reply.calls.map((c) => ({ name: c.name, arguments: JSON.stringify(c.arguments) })) };
  if (reply.kind === 'text') return { kind: 'speak', text: reply.text };
  return { kind: 'speak', text: 'Sorry, I could not do that.' };
}
