/**
 * Typical speaking pace (~15 characters a second). Azure streams the assistant's transcript ahead
 * of its audio, so after a barge-in the text is cut where the audio stopped by this estimate rather
 * than where the transcript happened to have reached.
 */
export const SPOKEN_MS_PER_CHAR = 65;

/** The part of `text` the user actually heard in `playedMs`, cut at a word boundary. */
export function cutSpokenText(text: string, playedMs: number): string {
  const chars = Math.floor(Math.max(0, playedMs) / SPOKEN_MS_PER_CHAR);
  if (chars >= text.length) return text;
  const head = text.slice(0, chars);
  // A word that was heard to its end is kept.
  if (/\s/.test(text[chars] ?? '')) return head.trimEnd();
  const space = head.lastIndexOf(' ');
  return (space > 0 ? head.slice(0, space) : head).trimEnd();
}

/**
 * When to replace a session before Azure ends it (30 minutes, with no warning event — docs/pitfalls.md 2.1)
 * and when to start showing the countdown. A 30-minute session renews at 28 minutes and counts down
 * from 25; a 20-second test session renews at 15 s and counts down from 10 s.
 */
export function renewalPlan(sessionMaxSeconds: number): { renewAfterMs: number; countdownAfterMs: number } {
  const max = sessionMaxSeconds * 1000;
  const lead = Math.min(120_000, Math.max(5_000, max * 0.1));
  const window = Math.min(300_000, max / 2);
  return { renewAfterMs: Math.max(1_000, max - lead), countdownAfterMs: Math.max(0, max - window) };
}

/** "2:05" */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
