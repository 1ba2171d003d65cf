import type { MediaStreamTrack } from 'werift';

/** Opus at 48 kHz, 20 ms frames, as Chromium negotiates it (RFC 7587: Opus over RTP runs at 48 kHz). */
const RATE = 48_000;
const FRAME = 960;
const FRAME_MS = 20;

type Encoder = { encode(pcm: Buffer, frameSize: number): Buffer; delete(): void };
type RtpModule = Pick<typeof import('werift'), 'RtpHeader' | 'RtpPacket'>;

/**
 * A voice-like test signal: a 180 Hz hum whose loudness rises and falls four times a second, like
 * syllables, so an AnalyserNode in the browser sees it come and go.
 */
function voiceFrame(frameIndex: number): Buffer {
  const pcm = Buffer.alloc(FRAME * 2);
  for (let i = 0; i < FRAME; i++) {
    const t = (frameIndex * FRAME + i) / RATE;
    const syllable = 0.55 + 0.45 * Math.sin(2 * Math.PI * 4 * t);
    const sample = Math.sin(2 * Math.PI * 180 * t) * 0.6 + Math.sin(2 * Math.PI * 360 * t) * 0.2;
    pcm.writeInt16LE(Math.round(sample * syllable * 9000), i * 2);
  }
  return pcm;
}

/**
 * Sends speech-like Opus audio on the peer's outgoing track, one frame every 20 ms, for as long as
 * a response "speaks". `stop()` ends the current utterance at once (barge-in, cancel).
 */
export class Speaker {
  private encoder?: Encoder;
  private sequence = Math.floor(Math.random() * 30_000);
  private timestamp = Math.floor(Math.random() * 1_000_000);
  private frames = 0;
  private timer?: NodeJS.Timeout;
  private finish?: (playedMs: number) => void;
  private playedFrames = 0;

  constructor(
    private readonly track: MediaStreamTrack,
    private readonly rtp: RtpModule,
  ) {}

  get speaking(): boolean {
    return this.timer !== undefined;
  }

  /** Speaks for `durationMs`; resolves with the milliseconds actually sent (less when stopped). */
  async speak(durationMs: number): Promise<number> {
    this.stop();
    this.encoder ??= await newEncoder();
    const total = Math.max(1, Math.round(durationMs / FRAME_MS));
    this.playedFrames = 0;
    return new Promise<number>((resolve) => {
      this.finish = resolve;
      const started = Date.now();
      const tick = () => {
        // Catch up on timer drift so audio time tracks wall time, as a real sender's would.
        const due = Math.min(total, Math.floor((Date.now() - started) / FRAME_MS) + 1);
        while (this.playedFrames < due) this.sendFrame();
        if (this.playedFrames >= total) return this.stop();
        this.timer = setTimeout(tick, FRAME_MS);
      };
      tick();
    });
  }

  /** Ends the current utterance; returns how much of it was sent. */
  stop(): number {
    clearTimeout(this.timer);
    this.timer = undefined;
    const played = this.playedFrames * FRAME_MS;
    const finish = this.finish;
    this.finish = undefined;
    finish?.(played);
    return played;
  }

  close(): void {
    this.stop();
    this.encoder?.delete();
    this.encoder = undefined;
  }

  private sendFrame(): void {
    if (!this.encoder) return;
    const payload = this.encoder.encode(voiceFrame(this.frames++), FRAME);
    const header = new this.rtp.RtpHeader({
      payloadType: 111,
      sequenceNumber: this.sequence,
      timestamp: this.timestamp,
      marker: this.playedFrames === 0,
    });
    this.sequence = (this.sequence + 1) & 0xffff;
    this.timestamp = (this.timestamp + FRAME) >>> 0;
    this.playedFrames++;
    this.track.writeRtp(new this.rtp.RtpPacket(header, payload));
  }
}

async function newEncoder(): Promise<Encoder> {
  // opusscript is pure JS/wasm, so it installs and runs offline (no native build).
  const { default: OpusScript } = await import('opusscript');
  return new OpusScript(RATE, 1, OpusScript.Application.VOIP);
}
