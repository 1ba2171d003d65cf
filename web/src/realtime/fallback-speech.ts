/**
 * gpt-realtime sometimes answers in text only although audio was asked for (docs/pitfalls.md 2.7): then
 * the browser reads it out with the Web Speech API. Where there is none (or no voices), the text
 * is still shown, marked as such.
 */
export function speakFallback(text: string): boolean {
  const synth = globalThis.speechSynthesis;
  if (!synth || typeof SpeechSynthesisUtterance !== 'function' || !text.trim()) return false;
  synth.cancel();
  synth.speak(new SpeechSynthesisUtterance(text));
  return true;
}

export function stopFallback(): void {
  globalThis.speechSynthesis?.cancel();
}
