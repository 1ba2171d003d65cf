/** Icons only the voice panel uses (kept out of the initial bundle). Same 24px stroke style as lib/icon. */
const PATHS = {
  mic: 'M12 3a3 3 0 013 3v5a3 3 0 01-6 0V6a3 3 0 013-3zM5 11a7 7 0 0014 0M12 18v3',
  micOff: 'M3 3l18 18M9 9v2a3 3 0 005.1 2.1M15 10V6a3 3 0 00-5.9-.8M5 11a7 7 0 0011.9 5M19 11a7 7 0 01-.4 2.3M12 18v3',
  speaker: 'M4 9h4l5-4v14l-5-4H4zM16.5 8.5a5 5 0 010 7M19 6a8.5 8.5 0 010 12',
  speakerOff: 'M4 9h4l5-4v14l-5-4H4zM17 9l5 6m0-6l-5 6',
  stop: 'M7 7h10v10H7z',
  close: 'M6 6l12 12M18 6L6 18',
} as const;

export function VoiceIcon({ name, size = 18 }: { name: keyof typeof PATHS; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
