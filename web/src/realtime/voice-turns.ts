import type { ChatMessage } from '../../../api/contracts/chat';
import type { ToolNote } from '../features/chat/tool-note';
import type { ClientEvent, ServerEvent } from './events';
import { cutSpokenText } from './timing';

/** Chat bubbles the voice conversation adds (the same shapes as typed chat's, plus voice states). */
export type VoiceBubble =
  | { id: string; kind: 'user'; text: string; pending?: boolean; voice: true }
  | {
      id: string;
      kind: 'assistant';
      text: string;
      notes: ToolNote[];
      streaming: boolean;
      interrupted?: boolean;
      voice: true;
    };

export interface TurnsHost {
  bubble(b: VoiceBubble): void;
  appendHistory(messages: ChatMessage[]): void;
  send(event: ClientEvent): void;
  /** Silences the assistant locally at once (barge-in), or lets it be heard again. */
  holdAudio(held: boolean): void;
  /** Reads a text-only answer aloud (docs/pitfalls.md 2.7); false when the browser cannot. */
  speak(text: string): boolean;
  now(): number;
}

type Entry =
  | { kind: 'user'; itemId: string; text: string | null; deadline: number }
  | { kind: 'assistant'; text: string; done: boolean };

interface Reply {
  text: string;
  audio: boolean;
  textOnly: boolean;
  itemId?: string;
  interrupted: boolean;
  entry?: Extract<Entry, { kind: 'assistant' }>;
}

/** A user transcript that has not arrived by then is given up (Azure may send none, docs/pitfalls.md 2.4). */
const TRANSCRIPT_WAIT_MS = 15_000;
const TEXT_ONLY_NOTE: ToolNote = { id: 'text-only', icon: 'alert', label: 'This answer came as text only' };

/**
 * Turns the data-channel conversation into chat bubbles and chat history, in spoken order:
 * "listening…" from `speech_started` until the final transcript (Azure sends no deltas, docs/pitfalls.md
 * 2.5), the assistant's transcript as it streams, barge-in (stop playback, cancel, truncate to what
 * was heard, cut the text there), and text-only answers (2.7). History entries are released in
 * order, so a late user transcript still lands before the answer it prompted.
 */
export class VoiceTurns {
  private readonly log: Entry[] = [];
  private readonly replies = new Map<string, Reply>();
  private readonly users = new Map<string, Extract<Entry, { kind: 'user' }>>();
  private bubbleSeq = 0;
  private current: { id: string; responses: string[]; notes: ToolNote[]; interrupted: boolean } | null = null;
  private playback: { responseId: string; startedAt: number } | null = null;
  private flushTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: TurnsHost) {}

  /** The assistant is audibly speaking (between output_audio_buffer.started and stopped). */
  get speaking(): boolean {
    return this.playback !== null;
  }

  handle(event: ServerEvent): void {
    switch (event.type) {
      case 'input_audio_buffer.speech_started':
        return this.userStarted(event.itemId);
      case 'conversation.item.input_audio_transcription.completed':
        return this.userTranscript(event.itemId, event.transcript);
      case 'conversation.item.input_audio_transcription.failed':
        return this.userTranscript(event.itemId, '');
      case 'response.created':
        this.replies.set(event.responseId, { text: '', audio: false, textOnly: false, interrupted: false });
        return;
      case 'output_audio_buffer.started':
        this.playback = { responseId: event.responseId, startedAt: this.host.now() };
        this.reply(event.responseId).audio = true;
        this.host.holdAudio(false);
        return;
      case 'output_audio_buffer.stopped':
      case 'output_audio_buffer.cleared':
        this.playback = null;
        return;
      case 'response.output_audio_transcript.delta':
      case 'response.output_text.delta':
        return this.assistantText(
          event.responseId,
          event.itemId,
          event.delta,
          false,
          event.type === 'response.output_text.delta',
        );
      case 'response.output_audio_transcript.done':
        return this.assistantText(event.responseId, event.itemId, event.transcript, true, false);
      case 'response.output_text.done':
        return this.assistantText(event.responseId, event.itemId, event.text, true, true);
      case 'response.done':
        return this.responseDone(event.responseId);
    }
  }

  /** Stops the assistant mid-sentence (the user spoke, or pressed Stop). */
  interrupt(): void {
    const playing = this.playback;
    if (!playing) return;
    this.playback = null;
    const heardMs = Math.max(0, Math.round(this.host.now() - playing.startedAt));
    this.host.holdAudio(true);
    const reply = this.replies.get(playing.responseId);
    this.host.send({ type: 'response.cancel' });
    this.host.send({ type: 'output_audio_buffer.clear' });
    if (reply?.itemId)
      this.host.send({
        type: 'conversation.item.truncate',
        item_id: reply.itemId,
        content_index: 0,
        audio_end_ms: heardMs,
      });
    if (reply && !reply.interrupted) {
      reply.interrupted = true;
      reply.text = cutSpokenText(reply.text, heardMs);
      if (this.current) this.current.interrupted = true;
      this.finishReply(reply);
    }
  }

  /** A tool's chip on the current answer (created empty if the model has not spoken yet). */
  addNote(note: ToolNote): void {
    const turn = this.turn();
    turn.notes = [...turn.notes, note];
    this.render(true);
  }

  /** Voice was turned off: nothing stays "listening…" or streaming, and what was said is kept. */
  close(): void {
    clearTimeout(this.flushTimer);
    this.playback = null;
    this.closeTurn();
    for (const entry of this.log) {
      if (entry.kind === 'assistant') entry.done = true;
      else if (entry.text === null) entry.deadline = 0;
    }
    this.flush();
  }

  private userStarted(itemId: string): void {
    if (this.playback) this.interrupt();
    this.closeTurn();
    const entry: Entry = { kind: 'user', itemId, text: null, deadline: this.host.now() + TRANSCRIPT_WAIT_MS };
    this.users.set(itemId, entry);
    this.log.push(entry);
    this.host.bubble({ id: `vu_${itemId}`, kind: 'user', text: '', pending: true, voice: true });
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => this.flush(), TRANSCRIPT_WAIT_MS + 50);
  }

  private userTranscript(itemId: string, transcript: string): void {
    const text = transcript.trim();
    let entry = this.users.get(itemId);
    if (!entry) {
      // speech_started was missed (e.g. it came on the previous session): show it now.
      entry = { kind: 'user', itemId, text: null, deadline: 0 };
      this.users.set(itemId, entry);
      this.log.push(entry);
    }
    entry.text = text;
    this.host.bubble({
      id: `vu_${itemId}`,
      kind: 'user',
      text: text || '(not understood)',
      pending: false,
      voice: true,
    });
    this.flush();
  }

  private assistantText(responseId: string, itemId: string, text: string, done: boolean, textOnly: boolean): void {
    const reply = this.reply(responseId);
    if (reply.interrupted) return;
    reply.itemId = itemId;
    reply.textOnly ||= textOnly && !reply.audio;
    reply.text = done ? text : reply.text + text;
    const turn = this.turn();
    if (!turn.responses.includes(responseId)) turn.responses.push(responseId);
    reply.entry ??= this.pushAssistant();
    reply.entry.text = reply.text;
    this.render(true);
  }

  private responseDone(responseId: string): void {
    const reply = this.replies.get(responseId);
    if (!reply || reply.interrupted) return;
    if (reply.textOnly && !reply.audio && reply.text) {
      this.host.speak(reply.text);
      this.addNote(TEXT_ONLY_NOTE);
    }
    this.finishReply(reply);
  }

  private finishReply(reply: Reply): void {
    if (reply.entry) {
      reply.entry.text = reply.text;
      reply.entry.done = true;
    }
    this.render(false);
    this.flush();
  }

  private reply(responseId: string): Reply {
    let reply = this.replies.get(responseId);
    if (!reply) {
      reply = { text: '', audio: false, textOnly: false, interrupted: false };
      this.replies.set(responseId, reply);
    }
    return reply;
  }

  private turn() {
    this.current ??= {
      id: `va_${++this.bubbleSeq}_${Math.round(this.host.now())}`,
      responses: [],
      notes: [],
      interrupted: false,
    };
    return this.current;
  }

  private pushAssistant(): Extract<Entry, { kind: 'assistant' }> {
    const entry = { kind: 'assistant' as const, text: '', done: false };
    this.log.push(entry);
    return entry;
  }

  private render(streaming: boolean): void {
    const turn = this.current;
    if (!turn) return;
    const text = turn.responses
      .map((id) => this.replies.get(id)?.text ?? '')
      .filter(Boolean)
      .join(' ');
    this.host.bubble({
      id: turn.id,
      kind: 'assistant',
      text: turn.interrupted && text ? `${text}…` : text,
      notes: turn.notes,
      streaming,
      interrupted: turn.interrupted,
      voice: true,
    });
  }

  private closeTurn(): void {
    if (this.current) this.render(false);
    this.current = null;
  }

  /** Releases finished entries to the chat history in order; a pending transcript holds the rest back. */
  private flush(): void {
    const out: ChatMessage[] = [];
    while (this.log.length > 0) {
      const head = this.log[0]!;
      if (head.kind === 'user' && head.text === null && this.host.now() < head.deadline) break;
      if (head.kind === 'assistant' && !head.done) break;
      this.log.shift();
      if (head.kind === 'user' && head.text === null)
        this.host.bubble({
          id: `vu_${head.itemId}`,
          kind: 'user',
          text: '(not transcribed)',
          pending: false,
          voice: true,
        });
      if (head.text)
        out.push(
          head.kind === 'user'
            ? { role: 'user', content: head.text }
            : { role: 'assistant', content: head.text.slice(0, 4000) },
        );
    }
    if (out.length > 0) this.host.appendHistory(out);
  }
}
