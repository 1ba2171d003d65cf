import type { IconName } from '../../../api/contracts/mode';

type UiIcon = 'send' | 'mic' | 'refresh' | 'sparkle' | 'info' | 'alert' | 'up' | 'down' | 'close' | 'wand' | 'chevron';

/** 24×24 stroke icons drawn for this app (industry icons from the Mode contract plus a few UI ones). */
const PATHS: Record<IconName | UiIcon, string> = {
  home: 'M3 11l9-7 9 7M5 10v10h5v-6h4v6h5V10',
  wallet: 'M4 7h14a2 2 0 012 2v9a2 2 0 01-2 2H5a1 1 0 01-1-1V7zm0 0l11-3v3M16 13.5h.01',
  transfer: 'M4 8h14m-4-4l4 4-4 4M20 16H6m4-4l-4 4 4 4',
  card: 'M3 6h18v12H3zM3 10h18M7 15h4',
  house: 'M3 12l9-8 9 8M6 10v10h12V10M10 20v-5h4v5',
  chart: 'M4 4v16h16M8 16v-4m4 4V8m4 8v-6',
  shield: 'M12 3l8 3v6c0 4.5-3.4 8-8 9-4.6-1-8-4.5-8-9V6l8-3zm-3 9l2 2 4-4',
  car: 'M5 16H3v-4l2-5h14l2 5v4h-2M5 12h14M7 16a2 2 0 104 0 2 2 0 10-4 0m6 0a2 2 0 104 0 2 2 0 10-4 0',
  heart: 'M12 20s-8-4.6-8-10.5A4.5 4.5 0 0112 7a4.5 4.5 0 018 2.5C20 15.4 12 20 12 20z',
  file: 'M6 3h8l4 4v14H6zM14 3v4h4M9 12h6m-6 4h6',
  users: 'M9 11a3.5 3.5 0 100-7 3.5 3.5 0 000 7zm-6 9c0-3.3 2.7-6 6-6s6 2.7 6 6m1-9a3 3 0 100-6m2 15c0-2.6-1-4.6-3-5.6',
  calendar: 'M4 6h16v14H4zM4 10h16M8 3v4m8-4v4',
  pill: 'M10.5 20.5a4.9 4.9 0 01-7-7l7-7a4.9 4.9 0 017 7zM7 10l7 7',
  stethoscope: 'M6 3v6a4 4 0 008 0V3M10 13v2a5 5 0 0010 0v-2m0 0a2 2 0 100-4 2 2 0 000 4z',
  cart: 'M3 4h2l2.4 11h10.2L20 8H6.2M9 20h.01M17 20h.01',
  tag: 'M3 12V4h8l9 9-8 8zM7.5 8.5h.01',
  box: 'M12 3l8 4.5v9L12 21l-8-4.5v-9zm0 9l8-4.5M12 12L4 7.5M12 12v9',
  star: 'M12 3.5l2.6 5.3 5.9.9-4.2 4.1 1 5.8-5.3-2.8-5.3 2.8 1-5.8-4.2-4.1 5.9-.9z',
  plane: 'M10 20l2-7-6-2-2 1 7-1 1-7 2-1v8l6 3v2l-6-1-2 6z',
  ticket: 'M3 8a2 2 0 002-2h14a2 2 0 002 2v2a2 2 0 000 4v2a2 2 0 00-2 2H5a2 2 0 00-2-2v-2a2 2 0 000-4zm10-2v12',
  map: 'M9 4L3 6v14l6-2 6 2 6-2V4l-6 2zm0 0v14m6-12v14',
  bolt: 'M13 2L4 14h7l-1 8 9-12h-7z',
  leaf: 'M5 19c0-9 6-14 15-14 0 9-5 15-14 15M5 19c3-4 6-6 9-8',
  sun: 'M12 8a4 4 0 100 8 4 4 0 000-8zm0-5v2m0 14v2M3 12h2m14 0h2M5.6 5.6l1.4 1.4m10 10l1.4 1.4m0-12.8L17 7M7 17l-1.4 1.4',
  settings:
    'M12 9a3 3 0 100 6 3 3 0 000-6zm7.4 6a1.7 1.7 0 00.3 1.8 2 2 0 11-2.8 2.8 1.7 1.7 0 00-2.9 1.2 2 2 0 11-4 0 1.7 1.7 0 00-2.9-1.2 2 2 0 11-2.8-2.8A1.7 1.7 0 003 14a2 2 0 110-4 1.7 1.7 0 001.2-2.9 2 2 0 112.8-2.8A1.7 1.7 0 0010 3a2 2 0 114 0 1.7 1.7 0 002.9 1.2 2 2 0 112.8 2.8A1.7 1.7 0 0021 10a2 2 0 110 4 1.7 1.7 0 00-1.6 1z',
  bell: 'M6 16V11a6 6 0 0112 0v5l2 2H4zm4 4h4',
  gift: 'M4 10h16v10H4zM3 7h18v3H3zm9 0v13m0-13C9 7 7.5 3 10 3c1.5 0 2 2 2 4zm0 0c3 0 4.5-4 2-4-1.5 0-2 2-2 4z',
  truck: 'M2 6h12v10H2zm12 4h4l3 3v3h-7M6 19a2 2 0 100-4 2 2 0 000 4zm11 0a2 2 0 100-4 2 2 0 000 4z',
  paw: 'M12 13c-3 0-5.5 3-5.5 5 0 1.5 1.5 2 3 1.6 1.3-.4 3.7-.4 5 0 1.5.4 3-.1 3-1.6 0-2-2.5-5-5.5-5zM6 10a1.8 2.2 0 100 .1zm12 0a1.8 2.2 0 100 .1zM9.5 6a1.8 2.2 0 100 .1zm5 0a1.8 2.2 0 100 .1z',
  briefcase: 'M3 7h18v13H3zm5 0V4h8v3M3 12h18',
  send: 'M4 12l16-8-6 16-2-7zm8 1l8-9',
  mic: 'M12 3a3 3 0 013 3v5a3 3 0 01-6 0V6a3 3 0 013-3zM5 11a7 7 0 0014 0M12 18v3',
  refresh: 'M20 11a8 8 0 10-2.3 5.7M20 4v7h-7',
  sparkle: 'M12 3l2.2 6.3L21 12l-6.8 2.7L12 21l-2.2-6.3L3 12l6.8-2.7z',
  info: 'M12 3a9 9 0 100 18 9 9 0 000-18zm0 8v5m0-8h.01',
  alert: 'M12 3L2 20h20zm0 6v5m0 3h.01',
  up: 'M12 19V5m-6 6l6-6 6 6',
  down: 'M12 5v14m-6-6l6 6 6-6',
  chevron: 'M6 9l6 6 6-6',
  close: 'M6 6l12 12M18 6L6 18',
  wand: 'M4 20L15 9m-2-2l2-2 4 4-2 2M18 3v3m-1.5-1.5h3M6 5v2M5 6h2',
};

export type AnyIcon = keyof typeof PATHS;

export function Icon({
  name,
  size = 20,
  class: cls,
}: {
  name: AnyIcon | (string & {});
  size?: number;
  class?: string;
}) {
  const d = PATHS[name as AnyIcon] ?? PATHS.sparkle;
  return (
    <svg
      class={cls}
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
      <path d={d} />
    </svg>
  );
}
