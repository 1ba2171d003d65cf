import type { EmulatedPeer } from './peer';
import { ev, MS_PER_CHAR, response, rid, wireItem, type Item } from './events';

/** What the next response does: call tools, speak, or (docs/pitfalls.md 2.7) answer in text only. */
export type Reply =
  | { kind: 'tools'; calls: { name: string; arguments: string }[] }
  | { kind: 'speak'; text: string }
  | { kind: 'text_only'; text: string };

interface Active {
  id: string;
  item?: Item;
  timers: NodeJS.Timeout[];
  cancelled: boolean;
}

/**
 * Plays one response at a time the way gpt-realtime does over WebRTC: function calls as
 * `response.function_call_arguments.*`; speech as audio on the media track with the transcript on
 * the data channel — the transcript runs ahead of the audio, as it does on Azure; text-only answers
 * as `response.output_text.*` and no audio at all.
 */
export class Responder {
  private active?: Active;

  constructor(
    private readonly peer: EmulatedPeer,
    private readonly items: Item[],
  ) {}

  get busy(): boolean {
    return this.active !== undefined;
  }

  /** The assistant item being spoken, for truncation. */
  get speakingItemId(): string | undefined {
    return this.active?.item?.id;
  }

  async play(reply: Reply): Promise<void> {
    const active: Active = { id: rid('resp'), timers: [], cancelled: false };
    this.active = active;
    const modalities = reply.kind === 'text_only' ? ['text'] : ['audio'];
    this.peer.send(ev('response.created', { response: response(active.id, 'in_progress', [], modalities) }));
    if (reply.kind === 'tools') {
      const output = reply.calls.map((call, index) => this.functionCall(active.id, index, call));
      this.peer.send(ev('response.done', { response: response(active.id, 'completed', output) }));
    } else {
      const item: Item = {
        id: rid('item'),
        type: 'message',
        role: 'assistant',
        text: '',
        textOnly: reply.kind === 'text_only',
      };
      active.item = item;
      this.added(active.id, item);
      if (reply.kind === 'text_only') this.writeText(active, item, reply.text);
      else await this.speak(active, item, reply.text);
    }
    if (this.active === active) this.active = undefined;
  }

  /** Stops the response in progress (barge-in or `response.cancel`); false when there is none. */
  cancel(): boolean {
    const active = this.active;
    if (!active) return false;
    active.cancelled = true;
    this.active = undefined;
    for (const t of active.timers) clearTimeout(t);
    this.peer.speaker.stop();
    this.peer.send(ev('output_audio_buffer.cleared', { response_id: active.id }));
    this.peer.send(
      ev('response.done', { response: response(active.id, 'cancelled', active.item ? [wireItem(active.item)] : []) }),
    );
    return true;
  }

  private functionCall(
    responseId: string,
    index: number,
    call: { name: string; arguments: string },
  ): Record<string, unknown> {
    const item: Item = {
      id: rid('item'),
      type: 'function_call',
      name: call.name,
      call_id: rid('call'),
      arguments: call.arguments,
    };
    this.items.push(item);
    const where = { response_id: responseId, item_id: item.id, output_index: index, call_id: item.call_id };
    this.peer.send(
      ev('response.output_item.added', {
        response_id: responseId,
        output_index: index,
        item: wireItem(item, 'in_progress'),
      }),
    );
    this.peer.send(ev('conversation.item.added', { previous_item_id: null, item: wireItem(item, 'in_progress') }));
    this.peer.send(ev('response.function_call_arguments.delta', { ...where, delta: call.arguments }));
    this.peer.send(
      ev('response.function_call_arguments.done', { ...where, name: call.name, arguments: call.arguments }),
    );
    this.peer.send(
      ev('response.output_item.done', { response_id: responseId, output_index: index, item: wireItem(item) }),
    );
    this.peer.send(ev('conversation.item.done', { item: wireItem(item) }));
    return wireItem(item);
  }

  private added(responseId: string, item: Item): void {
    const previous = this.items.at(-1)?.id ?? null;
    this.items.push(item);
    this.peer.send(
      ev('response.output_item.added', {
        response_id: responseId,
        output_index: 0,
        item: wireItem(item, 'in_progress'),
      }),
    );
    this.peer.send(ev('conversation.item.added', { previous_item_id: previous, item: wireItem(item, 'in_progress') }));
  }

  private writeText(active: Active, item: Item, text: string): void {
    const where = { response_id: active.id, item_id: item.id, output_index: 0, content_index: 0 };
    this.peer.send(ev('response.content_part.added', { ...where, part: { type: 'output_text', text: '' } }));
    for (const delta of words(text)) this.peer.send(ev('response.output_text.delta', { ...where, delta }));
    item.text = text;
    this.peer.send(ev('response.output_text.done', { ...where, text }));
    this.done(active, item, { type: 'output_text', text }, ['text']);
  }

  private async speak(active: Active, item: Item, text: string): Promise<void> {
    const where = { response_id: active.id, item_id: item.id, output_index: 0, content_index: 0 };
    this.peer.send(ev('response.content_part.added', { ...where, part: { type: 'output_audio', transcript: '' } }));
    this.peer.send(ev('output_audio_buffer.started', { response_id: active.id }));
    const duration = Math.max(400, text.length * MS_PER_CHAR);
    const pieces = words(text);
    // The transcript arrives well ahead of the audio (within its first 40 %), as on Azure.
    pieces.forEach((delta, i) => {
      const timer = setTimeout(
        () => {
          item.text = (item.text ?? '') + delta;
          this.peer.send(ev('response.output_audio_transcript.delta', { ...where, delta }));
        },
        Math.round(((i + 1) / pieces.length) * duration * 0.4),
      );
      active.timers.push(timer);
    });
    await this.peer.speaker.speak(duration);
    if (active.cancelled) return;
    item.text = text;
    this.peer.send(ev('response.output_audio.done', where));
    this.peer.send(ev('response.output_audio_transcript.done', { ...where, transcript: text }));
    this.done(active, item, { type: 'output_audio', transcript: text }, ['audio']);
    this.peer.send(ev('output_audio_buffer.stopped', { response_id: active.id }));
  }

  private done(active: Active, item: Item, part: Record<string, unknown>, modalities: string[]): void {
    const where = { response_id: active.id, item_id: item.id, output_index: 0, content_index: 0 };
    this.peer.send(ev('response.content_part.done', { ...where, part }));
    this.peer.send(ev('response.output_item.done', { response_id: active.id, output_index: 0, item: wireItem(item) }));
    this.peer.send(ev('conversation.item.done', { item: wireItem(item) }));
    this.peer.send(ev('response.done', { response: response(active.id, 'completed', [wireItem(item)], modalities) }));
  }
}

/** Word-sized deltas, spaces kept, so the pieces join back into the text exactly. */
function words(text: string): string[] {
  return text.match(/\S+\s*/g) ?? [text];
}
