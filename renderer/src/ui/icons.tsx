import type { JSX } from 'preact';

/**
 * A few 16px line icons drawn inline (no icon font, no image requests, nothing the CSP has
 * to allow). Decorative: every control that shows one also has a text label or aria-label.
 */
type IconName =
  | 'search'
  | 'gear'
  | 'star'
  | 'star-filled'
  | 'phone'
  | 'x'
  | 'grid'
  | 'plus'
  | 'refresh'
  | 'upload'
  | 'download'
  | 'check'
  | 'alert'
  | 'arrow-up'
  | 'arrow-down'
  | 'pencil'
  | 'trash'
  | 'wifi-off'
  | 'key'
  | 'calendar'
  | 'room'
  | 'address';

const PATHS: Readonly<Record<IconName, JSX.Element>> = {
  search: (
    <>
      <circle cx="7" cy="7" r="4.5" />
      <path d="m10.5 10.5 3.5 3.5" />
    </>
  ),
  gear: (
    <>
      <circle cx="8" cy="8" r="2.2" />
      <path d="M8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4" />
    </>
  ),
  star: <path d="m8 1.8 1.9 3.9 4.3.6-3.1 3 .7 4.3L8 11.6l-3.8 2 .7-4.3-3.1-3 4.3-.6z" />,
  'star-filled': (
    <path
      class="icon-fill"
      d="m8 1.8 1.9 3.9 4.3.6-3.1 3 .7 4.3L8 11.6l-3.8 2 .7-4.3-3.1-3 4.3-.6z"
    />
  ),
  phone: (
    <path d="M3 2.5h2.5l1.2 3-1.5 1a7.5 7.5 0 0 0 4.3 4.3l1-1.5 3 1.2V13a1.5 1.5 0 0 1-1.5 1.5A11.5 11.5 0 0 1 1.5 4 1.5 1.5 0 0 1 3 2.5z" />
  ),
  x: <path d="m4 4 8 8M12 4l-8 8" />,
  grid: (
    <>
      <rect x="2" y="2" width="5" height="5" rx="1" />
      <rect x="9" y="2" width="5" height="5" rx="1" />
      <rect x="2" y="9" width="5" height="5" rx="1" />
      <rect x="9" y="9" width="5" height="5" rx="1" />
    </>
  ),
  plus: <path d="M8 3v10M3 8h10" />,
  refresh: (
    <>
      <path d="M13.5 8A5.5 5.5 0 1 1 11.9 4.1" />
      <path d="M12.5 1.5v3h-3" />
    </>
  ),
  upload: <path d="M8 11V2.5M4.5 6 8 2.5 11.5 6M2.5 11v2.5h11V11" />,
  download: <path d="M8 2.5V11M4.5 7.5 8 11l3.5-3.5M2.5 11v2.5h11V11" />,
  check: <path d="m3 8.5 3.2 3L13 4.5" />,
  alert: (
    <>
      <path d="M8 1.8 14.7 13.5H1.3z" />
      <path d="M8 6.2v3.4M8 11.4v.2" />
    </>
  ),
  'arrow-up': <path d="M8 13V3M4 7l4-4 4 4" />,
  'arrow-down': <path d="M8 3v10M4 9l4 4 4-4" />,
  pencil: <path d="m10.5 2.5 3 3-8 8H2.5v-3zM9 4l3 3" />,
  trash: <path d="M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.5h6.6L12 4" />,
  'wifi-off': (
    <>
      <path d="M1.5 5.5a10 10 0 0 1 13 0M3.8 8a6.5 6.5 0 0 1 8.4 0M6 10.5a3 3 0 0 1 4 0" />
      <path d="m2 2 12 12" />
    </>
  ),
  key: (
    <>
      <circle cx="5" cy="11" r="2.7" />
      <path d="m7 9 6.5-6.5M11 5l1.8 1.8M9.5 6.5l1.3 1.3" />
    </>
  ),
  calendar: (
    <>
      <rect x="2" y="3" width="12" height="11" rx="1.5" />
      <path d="M2 6.5h12M5.5 1.5v3M10.5 1.5v3" />
    </>
  ),
  room: (
    <>
      <rect x="2" y="3" width="12" height="8" rx="1.2" />
      <path d="M5.5 14h5M8 11v3" />
    </>
  ),
  address: (
    <>
      <circle cx="8" cy="8" r="6" />
      <path d="M2 8h12M8 2a9 9 0 0 1 0 12M8 2a9 9 0 0 0 0 12" />
    </>
  ),
};

export function Icon({ name, class: className }: { name: IconName; class?: string }) {
  return (
    <svg
      class={className === undefined ? 'icon' : `icon ${className}`}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name]}
    </svg>
  );
}

export type { IconName };
