/**
 * Global shortcuts as Electron accelerators ("CommandOrControl+Shift+R"), built from a key
 * press and shown the way each platform writes them.
 */

const MODIFIER_KEYS = new Set(['Control', 'Shift', 'Alt', 'Meta', 'AltGraph', 'OS']);

/** Keys an accelerator names as KeyboardEvent.code does. */
const SAME_NAME = new Set(['Space', 'Enter', 'Tab', 'Home', 'End', 'PageUp', 'PageDown', 'Insert']);

const NAMED: Readonly<Record<string, string>> = {
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backslash: '\\',
  Backquote: '`',
};

/** The key part from KeyboardEvent.code, so Shift+1 is "1" and a Chinese IME changes nothing. */
function keyFromCode(code: string): string | null {
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter?.[1] !== undefined) return letter[1];
  const digit = /^Digit([0-9])$/.exec(code);
  if (digit?.[1] !== undefined) return digit[1];
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(code)) return code;
  if (SAME_NAME.has(code)) return code;
  return NAMED[code] ?? null;
}

export type ShortcutResult =
  | { readonly kind: 'shortcut'; readonly accelerator: string }
  | { readonly kind: 'clear' }
  | { readonly kind: 'needs-modifier' }
  | { readonly kind: 'ignore' };

interface KeyLike {
  readonly key: string;
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

export function acceleratorFromKey(event: KeyLike, mac: boolean): ShortcutResult {
  if (MODIFIER_KEYS.has(event.key) || event.key === 'Tab' || event.key === 'Escape')
    return { kind: 'ignore' };
  const command = mac ? event.metaKey : event.ctrlKey;
  if (
    !command &&
    !event.altKey &&
    !event.shiftKey &&
    !event.ctrlKey &&
    (event.key === 'Backspace' || event.key === 'Delete')
  ) {
    return { kind: 'clear' };
  }
  const key = keyFromCode(event.code);
  if (key === null) return { kind: 'ignore' };
  const parts: string[] = [];
  if (command) parts.push('CommandOrControl');
  if (mac && event.ctrlKey) parts.push('Control');
  if (event.altKey) parts.push('Alt');
  if (event.shiftKey) parts.push('Shift');
  // A bare letter as a global shortcut would swallow that letter in every app.
  const functionKey = /^F\d+$/.test(key);
  if (!functionKey && !parts.some((part) => part !== 'Shift')) return { kind: 'needs-modifier' };
  return { kind: 'shortcut', accelerator: [...parts, key].join('+') };
}

const MAC_SYMBOLS: Readonly<Record<string, string>> = {
  CommandOrControl: '⌘',
  CmdOrCtrl: '⌘',
  Command: '⌘',
  Control: '⌃',
  Alt: '⌥',
  Option: '⌥',
  Shift: '⇧',
};

export function formatAccelerator(accelerator: string, mac: boolean): string {
  const parts = accelerator.split('+');
  if (mac) return parts.map((part) => MAC_SYMBOLS[part] ?? part).join('');
  return parts
    .map((part) => (part === 'CommandOrControl' || part === 'CmdOrCtrl' ? 'Ctrl' : part))
    .join('+');
}
