import type { RTCDataChannel, RTCPeerConnection } from 'werift';
import { Speaker } from './audio';

/** The emulator's end of one WebRTC call: data channel events both ways, mic audio in, speech out. */
export interface EmulatedPeer {
  readonly answerSdp: string;
  readonly speaker: Speaker;
  /** RTP packets received from the browser's microphone track. */
  readonly micPackets: () => number;
  send(event: Record<string, unknown>): void;
  onEvent(listener: (event: unknown) => void): void;
  onOpen(listener: () => void): void;
  onClose(listener: () => void): void;
  close(): void;
}

let werift: Promise<typeof import('werift')> | undefined;

/** werift is loaded only when a test actually uses realtime (it costs a second or so to load). */
export function warmWebRtc(): Promise<typeof import('werift')> {
  werift ??= import('werift');
  return werift;
}

/**
 * Answers a browser's SDP offer with a werift peer, in the order werift needs (tried here against Chromium):
 * remote offer → our outgoing audio track (reusing the offer's audio m-line, so it is sendrecv) →
 * answer → wait for ICE gathering → the answer SDP. Loopback only, no STUN.
 */
export async function answerOffer(offerSdp: string): Promise<EmulatedPeer> {
  const rtc = await warmWebRtc();
  const pc: RTCPeerConnection = new rtc.RTCPeerConnection({
    codecs: { audio: [rtc.useOPUS()], video: [] },
    iceServers: [],
    iceUseIpv6: false,
    iceAdditionalHostAddresses: ['127.0.0.1'],
  });
  const track = new rtc.MediaStreamTrack({ kind: 'audio' });
  const speaker = new Speaker(track, rtc);
  let channel: RTCDataChannel | undefined;
  let micPackets = 0;
  let closed = false;
  const listeners = { event: [] as ((e: unknown) => void)[], open: [] as (() => void)[], close: [] as (() => void)[] };

  const close = () => {
    if (closed) return;
    closed = true;
    speaker.close();
    void pc.close().catch(() => undefined);
    for (const l of listeners.close) l();
  };
  pc.connectionStateChange.subscribe((state) => {
    if (state === 'failed' || state === 'closed') close();
  });
  pc.onTrack.subscribe((remote) => remote.onReceiveRtp.subscribe(() => void micPackets++));
  pc.onDataChannel.subscribe((ch) => {
    channel = ch;
    const opened = () => listeners.open.forEach((l) => l());
    if (ch.readyState === 'open') opened();
    else ch.stateChanged.subscribe((s) => s === 'open' && opened());
    ch.onMessage.subscribe((data) => {
      let event: unknown;
      try {
        event = JSON.parse(typeof data === 'string' ? data : data.toString('utf8'));
      } catch {
        return;
      }
      for (const l of listeners.event) l(event);
    });
    ch.stateChanged.subscribe((s) => s === 'closed' && close());
  });

  await pc.setRemoteDescription({ type: 'offer', sdp: offerSdp });
  pc.addTrack(track);
  await pc.setLocalDescription(await pc.createAnswer());
  await waitForGathering(pc);

  return {
    answerSdp: pc.localDescription?.sdp ?? '',
    speaker,
    micPackets: () => micPackets,
    send(event) {
      if (channel?.readyState === 'open') channel.send(JSON.stringify(event));
    },
    onEvent: (l) => void listeners.event.push(l),
    onOpen: (l) => void listeners.open.push(l),
    onClose: (l) => void listeners.close.push(l),
    close,
  };
}

/** ICE gathering on loopback takes ~30 ms; bounded so a stuck gatherer cannot hang a test. */
async function waitForGathering(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === 'complete') return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 2_000);
    pc.iceGatheringStateChange.subscribe((state) => {
      if (state === 'complete') {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}
