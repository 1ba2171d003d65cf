/** How to re-enable a blocked microphone: the browser will not ask again by itself (docs/pitfalls.md 7.1). */
export const MIC_BLOCKED_HELP =
  'Microphone access is blocked for this site, so the browser will not ask again. To use voice, click the icon at the left of the address bar (a lock or sliders), set Microphone to Allow, then reload the page. In Safari: Settings → Websites → Microphone; in Firefox: the microphone icon in the address bar.';

export class MicError extends Error {
  constructor(
    readonly kind: 'blocked' | 'missing' | 'busy' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'MicError';
  }
}

export type MicPermission = 'granted' | 'denied' | 'prompt' | 'unknown';

/**
 * The microphone permission without prompting. Firefox and older Safari throw for the name
 * "microphone" (https://developer.mozilla.org/docs/Web/API/Permissions/query): then "unknown",
 * and getUserMedia's own error tells.
 */
export async function micPermission(nav: Navigator = navigator): Promise<MicPermission> {
  try {
    const status = await nav.permissions.query({ name: 'microphone' });
    return status.state;
  } catch {
    return 'unknown';
  }
}

/**
 * Asks for the microphone — only ever after the user turned voice on (docs/pitfalls.md 7.1). A permission
 * already denied is reported without calling getUserMedia, which would fail silently anyway.
 * The browser's own noise suppression and echo cancellation replace API-side noise reduction (2.6).
 */
export async function requestMic(nav: Navigator = navigator): Promise<MediaStreamTrack> {
  if ((await micPermission(nav)) === 'denied') throw new MicError('blocked', MIC_BLOCKED_HELP);
  let stream: MediaStream;
  try {
    stream = await nav.mediaDevices.getUserMedia({
      audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
    });
  } catch (error) {
    const name = error instanceof DOMException ? error.name : '';
    if (name === 'NotAllowedError' || name === 'SecurityError') throw new MicError('blocked', MIC_BLOCKED_HELP);
    if (name === 'NotFoundError' || name === 'OverconstrainedError')
      throw new MicError(
        'missing',
        'No microphone was found. Plug one in (or pick one in the browser settings) and try again.',
      );
    if (name === 'NotReadableError' || name === 'AbortError')
      throw new MicError(
        'busy',
        'The microphone is in use by another app or could not start. Close that app and try again.',
      );
    throw new MicError('failed', 'The microphone could not be started.');
  }
  const track = stream.getAudioTracks()[0];
  if (!track) throw new MicError('missing', 'No microphone track was available.');
  return track;
}
