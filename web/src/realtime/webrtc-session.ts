import { type ClientEvent, parseServerEvent, type ServerEvent } from './events';

/** Offer → data channel open normally takes well under a second; past this the call has failed. */
const CONNECT_TIMEOUT_MS = 15_000;

export class ConnectError extends Error {
  constructor(
    message: string,
    readonly retryable = true,
  ) {
    super(message);
    this.name = 'ConnectError';
  }
}

export interface ConnectionOptions {
  callsUrl: string;
  clientSecret: string;
  onEvent(event: ServerEvent): void;
  /** The peer connection failed or was closed by the other side (expiry, network). */
  onDrop(): void;
}

/**
 * One WebRTC call to gpt-realtime (docs/pitfalls.md 2.2: WebRTC, not a WebSocket relay), framework-free:
 * an audio transceiver, the `oai-events` data channel, and the SDP offer posted to the GA `calls`
 * endpoint with the ephemeral secret as bearer
 * (https://learn.microsoft.com/azure/foundry/openai/how-to/realtime-audio-webrtc). The microphone is attached only
 * when the call becomes the active one, so a replacement can connect while the old call still talks.
 */
export class RealtimeConnection {
  private readonly pc: RTCPeerConnection;
  private readonly channel: RTCDataChannel;
  private readonly sender: RTCRtpSender;
  private remote: MediaStream | null = null;
  private closed = false;
  /** Offer posted → data channel open, in ms (reported by the e2e suite). */
  connectMs = 0;

  constructor(private readonly options: ConnectionOptions) {
    this.pc = new RTCPeerConnection();
    this.sender = this.pc.addTransceiver('audio', { direction: 'sendrecv' }).sender;
    // `streams` can be empty for a remote track (https://developer.mozilla.org/docs/Web/API/RTCTrackEvent/streams):
    // build the stream ourselves.
    this.pc.ontrack = (e) => (this.remote = e.streams[0] ?? new MediaStream([e.track]));
    this.channel = this.pc.createDataChannel('oai-events');
    this.channel.onmessage = (e) => {
      const event = parseServerEvent(e.data);
      if (event) options.onEvent(event);
    };
    this.pc.onconnectionstatechange = () => {
      if (this.pc.connectionState === 'failed' || this.pc.connectionState === 'closed') this.drop();
    };
    this.channel.onclose = () => this.drop();
  }

  get open(): boolean {
    return !this.closed && this.channel.readyState === 'open';
  }

  /** The assistant's audio, once the call is up. */
  get remoteStream(): MediaStream | null {
    return this.remote;
  }

  async connect(): Promise<void> {
    const offer = await this.pc.createOffer();
    await this.pc.setLocalDescription(offer);
    const started = performance.now();
    let res: Response;
    try {
      res = await fetch(this.options.callsUrl, {
        method: 'POST',
        body: offer.sdp ?? '',
        headers: { Authorization: `Bearer ${this.options.clientSecret}`, 'Content-Type': 'application/sdp' },
      });
    } catch {
      throw new ConnectError("Can't reach the voice service. Check the connection and try again.");
    }
    // GA answers 201 with the SDP and a Location naming the call.
    if (res.status !== 201 && res.status !== 200) {
      throw new ConnectError(
        `The voice service refused the call (${res.status}).`,
        res.status >= 500 || res.status === 429 || res.status === 401,
      );
    }
    await this.pc.setRemoteDescription({ type: 'answer', sdp: await res.text() });
    await this.channelOpen();
    this.connectMs = Math.round(performance.now() - started);
    performance.mark('presto:voice-channel-open', { detail: { connectMs: this.connectMs } });
  }

  send(event: ClientEvent): void {
    if (this.open) this.channel.send(JSON.stringify(event));
  }

  /** The microphone track to send (null sends nothing): only the active call hears the user. */
  setMic(track: MediaStreamTrack | null): Promise<void> {
    return this.sender.replaceTrack(track);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.channel.onclose = null;
    this.pc.onconnectionstatechange = null;
    this.channel.close();
    this.pc.close();
  }

  private drop(): void {
    if (this.closed) return;
    this.close();
    this.options.onDrop();
  }

  private channelOpen(): Promise<void> {
    if (this.channel.readyState === 'open') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new ConnectError('The voice call did not connect in time.')),
        CONNECT_TIMEOUT_MS,
      );
      this.channel.addEventListener('open', () => {
        clearTimeout(timer);
        resolve();
      });
      this.channel.addEventListener('close', () => {
        clearTimeout(timer);
        reject(new ConnectError('The voice call closed while connecting.'));
      });
    });
  }
}
