import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ChatEvent, ChatMessage, ToolEvent } from '../../../../api/contracts/chat';
import type { Mode } from '../../../../api/contracts/mode';
import type { Persona } from '../../../../api/contracts/persona';
import { ApiError, isAbort, streamChat, toApiError } from '../../api/client';
import { capHistory } from '../../lib/history';
import { randomId } from '../../lib/ids';
import { type ToolNote, noteFor } from './tool-note';

export type Bubble =
  | {
      id: string;
      kind: 'user';
      text: string;
      pending?: boolean;
      voice?: boolean;
      /** A question held while a new mode is designed (issue #12): waiting for it, or answered in the old one. */
      held?: { state: 'waiting' | 'fallback'; note: string };
    }
  | {
      id: string;
      kind: 'assistant';
      text: string;
      notes: ToolNote[];
      streaming: boolean;
      cut?: boolean;
      interrupted?: boolean;
      voice?: boolean;
    }
  | { id: string; kind: 'error'; message: string; retryable: boolean }
  /** Where the conversation moved to another mode: what came before belongs to the previous brand. */
  | { id: string; kind: 'divider'; companyName: string; primary?: string };

export interface ChatHandlers {
  onTool: (ev: ToolEvent) => void;
  onMode: (mode: Mode, persona?: Persona) => void;
  onJob: (ev: Extract<ChatEvent, { type: 'job' }>) => void;
}

interface Options {
  sessionId: string;
  personaSeed: number;
  /** Read at send time: the mode the server should answer in (owned by use-mode-state). */
  modeId: () => string;
  handlers: ChatHandlers;
}

/**
 * Chat state: the bubbles on screen, the OpenAI-shaped history the server needs (kept here,
 * capped), one streaming request at a time, and Retry that resends the last request as it was.
 */
export function useChat({ sessionId, personaSeed, modeId, handlers }: Options) {
  const [bubbles, setBubbles] = useState<Bubble[]>([]);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const history = useRef<ChatMessage[]>([]);
  const lastRequest = useRef<ChatMessage[] | null>(null);
  const inflight = useRef<AbortController | null>(null);
  const spokenMeanwhile = useRef<ChatMessage[]>([]);
  const on = useRef(handlers);
  on.current = handlers;
  // Questions asked while a new mode is designed, sent once it lands (or fails): see `hold`.
  const held = useRef<{ id: string; content: string }[]>([]);
  const sendingHeld = useRef(false);
  const sendNextHeld = useRef(() => {});
  useEffect(() => () => inflight.current?.abort(), []);

  const run = useCallback(
    async (messages: ChatMessage[]) => {
      inflight.current?.abort();
      const ac = new AbortController();
      inflight.current = ac;
      lastRequest.current = messages;
      spokenMeanwhile.current = [];
      setBusy(true);
      const aid = randomId('a_');
      setBubbles((bs) => [
        ...bs.filter((b) => b.kind !== 'error' && !(b.kind === 'assistant' && b.cut)),
        { id: aid, kind: 'assistant', text: '', notes: [], streaming: true },
      ]);
      const patch = (fn: (b: Extract<Bubble, { kind: 'assistant' }>) => Bubble) =>
        setBubbles((bs) => bs.map((b) => (b.id === aid && b.kind === 'assistant' ? fn(b) : b)));
      // Written from the event callback, so kept in an object (TS does not track closure assignments).
      const turn: { failure: ApiError | null; welcome: string; gotText: boolean } = {
        failure: null,
        welcome: '',
        gotText: false,
      };
      try {
        await streamChat(
          { sessionId, modeId: modeId(), personaSeed, messages },
          (ev) => {
            if (ev.type !== 'status') setStatus(null);
            if (ev.type === 'status') {
              setStatus(ev.message);
            } else if (ev.type === 'delta') {
              turn.gotText ||= ev.text.trim() !== '';
              patch((b) => ({ ...b, text: b.text + ev.text }));
            } else if (ev.type === 'tool') {
              const note = noteFor(ev);
              if (note) patch((b) => ({ ...b, notes: [...b.notes, note] }));
              on.current.onTool(ev);
            } else if (ev.type === 'mode') {
              turn.welcome = ev.mode.welcome;
              on.current.onMode(ev.mode, (ev as { persona?: Persona }).persona);
            } else if (ev.type === 'job') {
              on.current.onJob(ev);
            } else if (ev.type === 'error') {
              turn.failure = new ApiError(ev.code, ev.message, ev.retryable);
            } else if (ev.type === 'done') {
              // A filtered exchange stays out of the history: Azure screens the whole prompt, so resent
              // with every later turn it would get those filtered too (docs/pitfalls.md 5.1).
              const kept = ev.finishReason === 'content_filter' ? messages.slice(0, -1) : [...messages, ...ev.messages];
              // Voice turns that finished while this answer streamed stay in the shared history.
              history.current = capHistory([...kept, ...spokenMeanwhile.current.splice(0)]);
            }
          },
          ac.signal,
        );
      } catch (err) {
        if (isAbort(err)) return;
        turn.failure = toApiError(err);
      }
      if (inflight.current !== ac) return;
      inflight.current = null;
      setStatus(null);
      const { failure: failed, welcome, gotText } = turn;
      // An in-character answer to a filtered question is a whole answer, not a cut-off one: it stays.
      const cut = Boolean(failed) && failed?.code !== 'content_filtered';
      patch((b) => ({ ...b, streaming: false, text: !gotText && welcome && !failed ? welcome : b.text, cut }));
      setBubbles((bs) => {
        const kept = bs.filter(
          (b) => !(b.id === aid && b.kind === 'assistant' && !b.text.trim() && b.notes.length === 0),
        );
        return failed
          ? [...kept, { id: randomId('e_'), kind: 'error', message: failed.message, retryable: failed.retryable }]
          : kept;
      });
      setBusy(false);
      sendNextHeld.current();
    },
    [sessionId, personaSeed, modeId],
  );

  const send = useCallback(
    (text: string): boolean => {
      const content = text.trim();
      if (!content || inflight.current) return false;
      setBubbles((bs) => [
        ...bs.filter((b) => b.kind !== 'error'),
        { id: randomId('u_'), kind: 'user', text: content },
      ]);
      void run(capHistory([...history.current, { role: 'user', content }]));
      return true;
    },
    [run],
  );

  /**
   * Holds a question while a new mode is being designed (issue #12): shown at once with `note`
   * ("I'll answer as Happy Paws in a moment"), sent by `releaseHeld` when the mode lands. The
   * input stays usable meanwhile; several held questions are sent in the order they were asked.
   */
  const hold = useCallback((text: string, note: string): boolean => {
    const content = text.trim();
    if (!content) return false;
    const id = randomId('u_');
    held.current.push({ id, content });
    setBubbles((bs) => [
      ...bs.filter((b) => b.kind !== 'error'),
      { id, kind: 'user', text: content, held: { state: 'waiting', note } },
    ]);
    return true;
  }, []);

  sendNextHeld.current = () => {
    if (!sendingHeld.current || inflight.current) return;
    const next = held.current.shift();
    if (!next) {
      sendingHeld.current = false;
      return;
    }
    void run(capHistory([...history.current, { role: 'user', content: next.content }]));
  };

  /**
   * Sends the held questions, one turn each, in whatever mode is current now: the new one when it
   * landed; the old one, with `fallback` shown beside each question, when the design failed.
   * Called after the mode switch has started, so they are answered in the mode that replaced the wait.
   */
  const releaseHeld = useCallback((fallback?: string) => {
    if (held.current.length === 0) return;
    const ids = new Set(held.current.map((q) => q.id));
    setBubbles((bs) => {
      const waiting = bs.filter((b) => ids.has(b.id));
      const rest = bs.filter((b) => !ids.has(b.id));
      // Answered in the new mode: the question moves past the "Now …" divider, beside its answer.
      const released = waiting.map((b): Bubble => {
        if (b.kind !== 'user') return b;
        const { held: _held, ...plain } = b;
        return fallback ? { ...b, held: { state: 'fallback', note: fallback } } : plain;
      });
      return fallback ? bs.map((b) => released.find((r) => r.id === b.id) ?? b) : [...rest, ...released];
    });
    sendingHeld.current = true;
    sendNextHeld.current();
  }, []);

  /** Resends the last request exactly (same history, same user message). */
  const retry = useCallback(() => {
    if (lastRequest.current && !inflight.current) void run(lastRequest.current);
  }, [run]);

  /**
   * Marks a mode switch in the conversation. Inserted before the answer that is streaming (the new
   * brand's welcome), so the command that caused it stays with the brand it was said to.
   */
  const divide = useCallback((companyName: string, primary?: string) => {
    setBubbles((bs) => {
      const last = bs[bs.length - 1];
      if (bs.length === 0 || (last?.kind === 'divider' && last.companyName === companyName)) return bs;
      const divider: Bubble = { id: randomId('d_'), kind: 'divider', companyName, primary };
      const at = bs.findIndex((b) => b.kind === 'assistant' && b.streaming);
      return at < 0 ? [...bs, divider] : [...bs.slice(0, at), divider, ...bs.slice(at)];
    });
  }, []);

  /**
   * The assistant's word on something done outside the chat (a confirmed demo action): a bubble,
   * and a line in the history so a follow-up question knows about it.
   */
  const note = useCallback((text: string) => {
    setBubbles((bs) => [...bs, { id: randomId('a_'), kind: 'assistant', text, notes: [], streaming: false }]);
    history.current = capHistory([...history.current, { role: 'assistant', content: text }]);
  }, []);

  const reset = useCallback(() => {
    inflight.current?.abort();
    inflight.current = null;
    held.current = [];
    sendingHeld.current = false;
    history.current = [];
    lastRequest.current = null;
    setBubbles([]);
    setBusy(false);
  }, []);

  /** Voice turns (features/voice) join the same conversation: bubbles in spoken order, one history. */
  const voice = useMemo(
    () => ({
      upsert: (bubble: Bubble) =>
        setBubbles((bs) =>
          bs.some((b) => b.id === bubble.id) ? bs.map((b) => (b.id === bubble.id ? bubble : b)) : [...bs, bubble],
        ),
      history: (): readonly ChatMessage[] => history.current,
      appendHistory: (messages: ChatMessage[]) => {
        history.current = capHistory([...history.current, ...messages]);
        if (inflight.current) spokenMeanwhile.current.push(...messages);
      },
    }),
    [],
  );

  return { bubbles, busy, status, send, hold, releaseHeld, retry, reset, divide, note, voice };
}
