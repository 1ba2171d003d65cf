// The browser's side of a gpt-realtime WebRTC call, in Node with werift (a devDependency: this file
// is operator tooling and never ships in the Function app package). Same steps as
// web/src/realtime/webrtc-session.ts: a sendrecv audio transceiver, the `oai-events` data channel,
// the SDP offer POSTed to the GA `calls` URL with the ephemeral secret as bearer, the answer set.
// https://learn.microsoft.com/azure/ai-foundry/openai/how-to/realtime-audio-webrtc
import type { RTCDataChannel, RTCPeerConnection } from 'werift';

export type ServerEvent = Record<string, unknown> & { type?: string };

export interface VoiceCall {
  /** The end of the answer's Location header (the emulator's control API takes it). */
  readonly callId: string;
  /** Offer posted → data channel open. */
  readonly connectMs: number;
  /** RTP packets received on the remote (assistant) audio track. */
  audioPackets(): number;
  /** Milliseconds from the start of the call to the first audio packet, if any came. */
  firstAudioAt(): number | undefined;
  send(event: Record<string, unknown>): void;
  /** The first server event (already received or still to come) that matches. */
  next(match: (event: ServerEvent) => boolean, signal: AbortSignal): Promise<ServerEvent>;
  close(): Promise<void>;
}

export class CallFailed extends Error {
  override name = 'CallFailed';
  constructor(
    message: string,
    readonly stage: 'offer' | 'connect',
    readonly status?: number,
  ) {
    super(message);
  }
}

export async function placeCall(options: {
  callsUrl: string;
  secret: string;
  /** The emulator is on 127.0.0.1: offer a loopback host candidate (Azure needs none). */
  loopback: boolean;
  signal: AbortSignal;
  /** Called once the data channel is open, before anything else is read. */
  onOpen?(send: (event: Record<string, unknown>) => void): void;
}): Promise<VoiceCall> {
  const rtc = await import('werift');
  const pc: RTCPeerConnection = new rtc.RTCPeerConnection({
    codecs: { audio: [rtc.useOPUS()], video: [] },
    iceServers: [],
    iceUseIpv6: false,
    ...(options.loopback ? { iceAdditionalHostAddresses: ['127.0.0.1'] } : {}),
  });
  const events: ServerEvent[] = [];
  const waiters = new Set<(e: ServerEvent) => void>();
  let packets = 0;
  let firstAudio: number | undefined;
  const started = performance.now();
  const close = async () => {
    await pc.close().catch(() => undefined);
  };
  options.signal.addEventListener('abort', () => void close(), { once: true });

  try {
    pc.addTransceiver('audio', { direction: 'sendrecv' });
    pc.onTrack.subscribe((track) =>
      track.onReceiveRtp.subscribe(() => {
        packets++;
        firstAudio ??= performance.now() - started;
      }),
    );
    const channel: RTCDataChannel = pc.createDataChannel('oai-events');
    const send = (event: Record<string, unknown>) => channel.send(JSON.stringify(event));
    channel.onMessage.subscribe((data) => {
      let event: ServerEvent;
      try {
        event = JSON.parse(typeof data === 'string' ? data : data.toString('utf8')) as ServerEvent;
      } catch {
        return;
      }
      events.push(event);
      for (const w of [...waiters]) w(event);
    });

    await pc.setLocalDescription(await pc.createOffer());
    await gathered(pc);
    const offerAt = performance.now();
    const response = await fetch(options.callsUrl, {
      method: 'POST',
      body: pc.localDescription?.sdp ?? '',
      headers: { Authorization: `Bearer ${options.secret}`, 'Content-Type': 'application/sdp' },
      signal: options.signal,
    }).catch((error: unknown) => {
      throw new CallFailed(`could not post the SDP offer: ${(error as Error).message}`, 'offer');
    });
    const answer = await response.text();
    if (response.status !== 201 && response.status !== 200)
      throw new CallFailed(
        `the calls URL answered ${response.status}: ${answer.replace(/\s+/g, ' ').slice(0, 160)}`,
        'offer',
        response.status,
      );
    const callId = (response.headers.get('location') ?? '').split('/').pop() ?? '';
    await pc.setRemoteDescription({ type: 'answer', sdp: answer });
    await opened(channel, options.signal);
    const connectMs = performance.now() - offerAt;
    options.onOpen?.(send);

    return {
      callId,
      connectMs,
      audioPackets: () => packets,
      firstAudioAt: () => firstAudio,
      send,
      next(match, signal) {
        const seen = events.find(match);
        if (seen) return Promise.resolve(seen);
        return new Promise((resolve, reject) => {
          const waiter = (e: ServerEvent) => {
            if (!match(e)) return;
            waiters.delete(waiter);
            resolve(e);
          };
          waiters.add(waiter);
          signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
        });
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Non-trickle: every host candidate goes in the offer. Bounded, like the emulator's peer. */
async function gathered(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === 'complete') return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 3_000);
    pc.iceGatheringStateChange.subscribe((state) => {
      if (state === 'complete') {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

const CONNECT_TIMEOUT_MS = 15_000;

function opened(channel: RTCDataChannel, signal: AbortSignal): Promise<void> {
  if (channel.readyState === 'open') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new CallFailed(`the data channel did not open within ${CONNECT_TIMEOUT_MS / 1000} s`, 'connect')),
      CONNECT_TIMEOUT_MS,
    );
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
    channel.stateChanged.subscribe((state) => {
      if (state === 'open') {
        clearTimeout(timer);
        resolve();
      } else if (state === 'closed') {
        clearTimeout(timer);
        reject(new CallFailed('the data channel closed while connecting', 'connect'));
      }
    });
  });
}
