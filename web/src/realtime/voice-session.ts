import { toApiError } from '../api/client';
import { noteFor } from '../features/chat/tool-note';
import { contextItems } from './context-items';
import type { ClientEvent, ServerEvent } from './events';
import { speakFallback, stopFallback } from './fallback-speech';
import { MicError, requestMic } from './mic';
import { RenewalClock } from './renewal-clock';
import { ToolRunner } from './tool-runner';
import { mintSession } from './voice-api';
import { VoiceTurns } from './voice-turns';
import { type Conversation, INITIAL_VOICE_STATE, type VoiceHost, type VoiceState } from './voice-types';
import { RealtimeConnection } from './webrtc-session';

/** How long a replacement waits for the old call to finish its sentence before taking over. */
const HANDOVER_WAIT_MS = 8_000;
const RECONNECT_ATTEMPTS = 3;

/**
 * A voice conversation, framework-free: the microphone (requested only now, docs/pitfalls.md 7.1), one live
 * WebRTC call at a time, and make-before-break replacement of that call — before Azure's 30-minute
 * limit (2.1), when the mode or conversation changes, or after a drop — carrying the recent chat
 * history over as conversation items. Turns, tools and barge-in live in VoiceTurns and ToolRunner.
 */
export class VoiceSession {
  private state: VoiceState = INITIAL_VOICE_STATE;
  private readonly listeners = new Set<(s: VoiceState) => void>();
  private readonly turns: VoiceTurns;
  private readonly tools: ToolRunner;
  private readonly clock: RenewalClock;
  private mic: MediaStreamTrack | null = null;
  private active: RealtimeConnection | null = null;
  private target: Conversation | null = null;
  private swapping = false;
  private swapAgain = false;
  private failures = 0;
  private held = false;
  private readonly inflight = new Set<string>();
  private closed = false;

  constructor(
    private readonly audio: HTMLAudioElement,
    private readonly host: VoiceHost,
  ) {
    const send = (event: ClientEvent) => this.active?.send(event);
    this.turns = new VoiceTurns({
      bubble: (b) => host.bubble(b),
      appendHistory: (m) => host.appendHistory(m),
      send,
      holdAudio: (held) => this.holdAudio(held),
      speak: (text) => !this.state.speakerMuted && speakFallback(text),
      now: () => performance.now(),
    });
    this.tools = new ToolRunner({
      conversation: () => host.conversation(),
      apply: (event, response) => {
        const note = noteFor(event);
        if (note) this.turns.addNote(note);
        host.apply(event, response);
      },
      send,
    });
    this.clock = new RenewalClock(
      () => void this.swap(),
      (countdown) => this.set({ countdown }),
    );
  }

  get snapshot(): VoiceState {
    return this.state;
  }

  subscribe(listener: (s: VoiceState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Microphone, then the first call. */
  async start(): Promise<void> {
    this.set({ phase: 'starting', message: null });
    try {
      this.mic ??= await requestMic();
      if (this.closed) return this.mic.stop();
      this.mic.enabled = !this.state.micMuted;
      this.set({ phase: 'connecting' });
      await this.swap();
    } catch (error) {
      if (error instanceof MicError)
        this.set({ phase: error.kind === 'blocked' ? 'blocked' : 'error', message: error.message });
      else this.set({ phase: 'error', message: toApiError(error).message });
    }
  }

  /** The mode or conversation changed: the session's instructions must follow (swap when idle). */
  retarget(): void {
    if (this.target && !this.closed && this.stale()) void this.swap();
  }

  private stale(): boolean {
    const next = this.host.conversation();
    return next.modeId !== this.target?.modeId || next.sessionId !== this.target?.sessionId;
  }

  setMicMuted(muted: boolean): void {
    if (this.mic) this.mic.enabled = !muted;
    this.set({ micMuted: muted });
  }

  setSpeakerMuted(muted: boolean): void {
    this.set({ speakerMuted: muted });
    if (muted) stopFallback();
    this.applyAudio();
  }

  /** The Stop button: the same as a barge-in. */
  interrupt(): void {
    stopFallback();
    this.turns.interrupt();
    this.set({ speaking: false });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.clock.stop();
    this.tools.close();
    this.turns.close();
    this.active?.close();
    this.active = null;
    this.mic?.stop();
    this.mic = null;
    stopFallback();
    this.audio.srcObject = null;
    this.set({ phase: 'closed', listening: false, speaking: false, countdown: null });
  }

  /**
   * Make-before-break: mint and connect the new call, send the rest of its session config, restore
   * context, wait for the old call to finish speaking, then move the microphone and speaker over
   * and hang up the old one.
   */
  private async swap(): Promise<void> {
    if (this.swapping) return void (this.swapAgain = true);
    this.swapping = true;
    this.set({ renewing: this.active !== null });
    const target = this.host.conversation();
    let next: RealtimeConnection | null = null;
    try {
      const minted = await mintSession(target);
      next = new RealtimeConnection({
        callsUrl: minted.callsUrl,
        clientSecret: minted.clientSecret,
        onEvent: (e) => this.onEvent(next!, e),
        onDrop: () => this.onDrop(next!),
      });
      await next.connect();
      if (this.closed) return next.close();
      // First the part of the session the mint could not carry (turn detection, transcription,
      // tools…), so nothing the user says or we restore reaches a half-configured session.
      if (minted.sessionUpdate) next.send({ type: 'session.update', session: minted.sessionUpdate });
      for (const item of contextItems(this.host.history())) next.send({ type: 'conversation.item.create', item });
      await this.idle();
      const old = this.active;
      this.active = next;
      this.target = target;
      await next.setMic(this.mic);
      this.audio.srcObject = next.remoteStream;
      void this.audio.play().catch(() => undefined);
      old?.close();
      this.inflight.clear();
      this.failures = 0;
      this.clock.start(minted.sessionMaxSeconds);
      this.set({ phase: 'live', renewing: false, message: null, connectMs: next.connectMs });
    } catch (error) {
      next?.close();
      this.failures++;
      const message = toApiError(error).message;
      if (this.active?.open && this.failures < RECONNECT_ATTEMPTS)
        setTimeout(() => !this.closed && void this.swap(), 3_000 * this.failures);
      else this.set({ phase: 'error', renewing: false, message });
    } finally {
      this.swapping = false;
      // Asked again meanwhile: only needed if the call dropped or the conversation moved on since.
      const again = this.swapAgain && !this.closed && this.state.phase === 'live';
      this.swapAgain = false;
      if (again && (!this.active?.open || this.stale())) void this.swap();
    }
  }

  private onEvent(conn: RealtimeConnection, event: ServerEvent): void {
    if (conn !== this.active) return;
    if (event.type === 'error') {
      // Azure ends a session at its limit with this error, then hangs up (docs/pitfalls.md 2.1).
      if (event.code === 'session_expired') void this.swap();
      return;
    }
    if (event.type === 'response.created') this.inflight.add(event.responseId);
    if (event.type === 'response.function_call_arguments.done')
      this.tools.call(event.responseId, event.callId, event.name, event.arguments);
    this.turns.handle(event);
    if (event.type === 'response.done') {
      this.inflight.delete(event.responseId);
      void this.tools.responseDone(event.responseId);
    }
    if (event.type === 'input_audio_buffer.speech_started') stopFallback();
    const listening =
      event.type === 'input_audio_buffer.speech_started'
        ? true
        : event.type === 'input_audio_buffer.speech_stopped'
          ? false
          : this.state.listening;
    this.set({ listening, speaking: this.turns.speaking });
  }

  private onDrop(conn: RealtimeConnection): void {
    if (conn !== this.active || this.closed) return;
    this.active = null;
    this.set({ phase: 'connecting', speaking: false, listening: false });
    void this.swap();
  }

  /** Resolves when the current call is not mid-answer, or after a bound. */
  private async idle(): Promise<void> {
    const until = Date.now() + HANDOVER_WAIT_MS;
    while (
      this.active?.open &&
      (this.turns.speaking || this.inflight.size > 0 || this.tools.busy) &&
      Date.now() < until
    ) {
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private holdAudio(held: boolean): void {
    this.held = held;
    this.applyAudio();
  }

  private applyAudio(): void {
    this.audio.muted = this.state.speakerMuted || this.held;
  }

  private set(patch: Partial<VoiceState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }
}
