// Keyboard allowlist of the kiosk window, checked in `before-input-event`. The citizen may type
// text, move between fields and edit; every shortcut that reloads, closes, opens, prints, saves,
// zooms, navigates back or opens DevTools is dropped before Chromium sees it.

/** The fields of Electron's `Input` that the check reads. */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
}

const NAVIGATION_KEYS = new Set([
  'Tab', 'Enter', ' ', 'Backspace', 'Delete', 'Escape',
  'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown',
  'Shift', 'Control', 'Alt', 'AltGraph', 'CapsLock', 'Dead', 'Process', 'Unidentified',
]);

/** Editing shortcuts with Ctrl: select all, copy, cut, paste, undo, redo. */
const EDITING_KEYS = new Set(['a', 'c', 'x', 'v', 'z', 'y']);

/** Returns true when the kiosk lets the key through. */
export function isAllowedKey(input: KeyInput): boolean {
  const { key, control, alt, meta, shift } = input;

  // The Windows and Command keys belong to the operating system; Assigned Access blocks what they do.
  if (meta) return false;

  if (control && alt) {
    // AltGr arrives as Ctrl+Alt on Windows; it types @, €, { and the like, never a letter or digit.
    return key.length === 1 && !/[a-z0-9]/i.test(key);
  }

  if (control) return !shift && EDITING_KEYS.has(key.toLowerCase());

  // Alt alone opens menus and Alt+Left/Right navigate back and forward; Alt+F4 closes the window.
  if (alt) return false;

  if (key.length === 1) return true;
  return NAVIGATION_KEYS.has(key);
}
