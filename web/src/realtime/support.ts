/**
 * Whether this page can do voice at all, checked before anything is loaded or requested.
 * getUserMedia exists only in secure contexts — HTTPS or localhost (docs/pitfalls.md 7.2;
 * https://developer.mozilla.org/docs/Web/API/MediaDevices/getUserMedia#security) — and on an
 * insecure origin `navigator.mediaDevices` is simply undefined, so say why instead of failing later.
 * Tiny on purpose: it is in the initial bundle; the voice client itself is loaded on first use.
 */
export function voiceSupport(
  win: Pick<Window, 'isSecureContext' | 'location'> & { RTCPeerConnection?: unknown } = window,
  nav: Pick<Navigator, 'mediaDevices'> = navigator,
): { ok: true } | { ok: false; reason: string } {
  if (!win.isSecureContext) {
    return {
      ok: false,
      reason: `Voice needs a secure page: open this site over https:// (or on localhost). Browsers only allow the microphone on secure origins, and ${win.location.origin} is not one.`,
    };
  }
  if (!nav.mediaDevices?.getUserMedia || typeof win.RTCPeerConnection !== 'function') {
    return {
      ok: false,
      reason:
        'This browser cannot do voice here (no microphone or WebRTC support). Try a current Chrome, Edge, Safari or Firefox.',
    };
  }
  return { ok: true };
}
