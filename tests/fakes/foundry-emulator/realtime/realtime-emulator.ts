import { randomBytes } from 'node:crypto';
import { defaultBrain } from '../brain';
import { RealtimeCall, type CallSession } from './call';
import { answerOffer, warmWebRtc } from './peer';
import type { RealtimeStrictness } from './strictness';

export interface RealtimeEmulatorOptions {
  /** Azure's limit is 30 minutes (docs/pitfalls.md 2.1); a test can make calls expire sooner. */
  sessionMaxSeconds?: number;
  /** Azure's documented behaviour instead of OpenAI's (strictness.ts); also settable later with `strict()`. */
  strict?: RealtimeStrictness;
}

/** What a test can see of one call (GET /_emulator/realtime/calls/{id}). */
export interface CallSnapshot {
  id: string;
  open: boolean;
  expired: boolean;
  /** Offer received → data channel open, in milliseconds. */
  connectMs: number | null;
  micPackets: number;
  instructions: string;
  received: Record<string, unknown>[];
  truncations: { item_id: string; audio_end_ms: number }[];
  items: { id: string; type: string; role?: string; text?: string; name?: string }[];
}

/**
 * The emulator's realtime side: client secrets remember the session they were minted with, each
 * `calls` offer becomes a werift peer playing the GA protocol, and tests drive calls by id.
 */
export class RealtimeEmulator {
  private readonly secrets = new Map<string, { session: CallSession; expiresAt: number }>();
  private readonly calls = new Map<string, RealtimeCall>();
  sessionMaxSeconds: number;
  /** What the client_secrets route holds clients to (strictness.ts); all off by default. */
  strictness: RealtimeStrictness;

  constructor(options: RealtimeEmulatorOptions = {}) {
    this.sessionMaxSeconds = options.sessionMaxSeconds ?? 1800;
    this.strictness = { ...options.strict };
  }

  /** Turns strict behaviours on (or off) from now on, e.g. `strict(STRICT_REALTIME)`. */
  strict(strictness: RealtimeStrictness): void {
    this.strictness = { ...this.strictness, ...strictness };
  }

  mint(session: CallSession, ttlSeconds: number): { value: string; expiresAt: number } {
    // A call usually follows within a second: load werift now, not inside the SDP answer.
    void warmWebRtc();
    const value = `ek_${randomBytes(18).toString('base64url')}`;
    const expiresAt = Math.floor(Date.now() / 1000) + ttlSeconds;
    this.secrets.set(value, { session, expiresAt });
    return { value, expiresAt };
  }

  /** The session a still-valid secret carries; a secret may start several calls until it expires. */
  redeem(secret: string): CallSession | undefined {
    const found = this.secrets.get(secret);
    return found && found.expiresAt * 1000 > Date.now() ? found.session : undefined;
  }

  async place(offerSdp: string, session: CallSession): Promise<RealtimeCall> {
    const offerAt = Date.now();
    const peer = await answerOffer(offerSdp);
    const brain = (request: Parameters<typeof defaultBrain>[0]) => defaultBrain(request, new Map());
    const call = new RealtimeCall(peer, session, { brain, sessionMaxSeconds: this.sessionMaxSeconds, offerAt });
    this.calls.set(call.id, call);
    return call;
  }

  /** Loads the WebRTC stack ahead of the first call (real Azure's peer is always warm). */
  warm(): Promise<unknown> {
    return warmWebRtc();
  }

  call(id: string): RealtimeCall | undefined {
    return this.calls.get(id);
  }

  /** Every call so far, oldest first. */
  list(): RealtimeCall[] {
    return [...this.calls.values()];
  }

  describe(call: RealtimeCall): CallSnapshot {
    return {
      id: call.id,
      open: call.open,
      expired: call.expired,
      connectMs: call.openedAt ? call.openedAt - call.createdAt : null,
      micPackets: call.peer.micPackets(),
      instructions: call.instructions,
      received: call.received,
      truncations: call.truncations,
      items: call.items.map(({ id, type, role, text, name }) => ({
        id,
        type,
        ...(role ? { role } : {}),
        ...(text !== undefined ? { text } : {}),
        ...(name ? { name } : {}),
      })),
    };
  }

  /** Closes every peer (the emulator is stopping, or a test ended). */
  closeAll(): void {
    for (const call of this.calls.values()) call.close();
    this.calls.clear();
    this.secrets.clear();
  }
}
