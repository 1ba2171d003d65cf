import { ICON_PATHS, type AnyIcon } from './icon-paths';

export type { AnyIcon } from './icon-paths';

export function Icon({
  name,
  size = 20,
  class: cls,
}: {
  name: AnyIcon | (string & {});
  size?: number;
  class?: string;
}) {
  const d = ICON_PATHS[name as AnyIcon] ?? ICON_PATHS.sparkle;
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
