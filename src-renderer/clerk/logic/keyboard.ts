// Keyboard commands of the inbox. Kept apart from React so the mapping is testable and the handbook
// table can be checked against it.

export type InboxCommand = 'next' | 'previous' | 'first' | 'last' | 'open' | 'focus_search';

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  /** True when the key went to a text input, textarea or select. */
  inTextField: boolean;
}

/** Maps a key press in the inbox to a command, or null when the key is not ours. */
export function inboxCommand(input: KeyInput): InboxCommand | null {
  if (input.ctrlKey || input.altKey || input.metaKey) return null;

  // Letters and the slash belong to whatever the clerk is typing.
  if (input.inTextField) return null;

  switch (input.key) {
    case 'ArrowDown':
    case 'j':
      return 'next';
    case 'ArrowUp':
    case 'k':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Enter':
      return 'open';
    case '/':
      return 'focus_search';
    default:
      return null;
  }
}

/** Moves a selection index by a command, clamped to the list; -1 means nothing is selected. */
export function moveSelection(current: number, command: InboxCommand, total: number): number {
  if (total === 0) return -1;
  switch (command) {
    case 'next':
      return Math.min(current + 1, total - 1);
    case 'previous':
      return current <= 0 ? 0 : current - 1;
    case 'first':
      return 0;
    case 'last':
      return total - 1;
    default:
      return current;
  }
}

/** Shortcut table shown in the app's help and in the handbook. */
export const SHORTCUTS: readonly { keys: string; description: string }[] = [
  { keys: '↓ oder j', description: 'Nächster Antrag in der Liste' },
  { keys: '↑ oder k', description: 'Vorheriger Antrag in der Liste' },
  { keys: 'Pos1 / Ende', description: 'Erster / letzter Antrag in der Liste' },
  { keys: 'Eingabetaste', description: 'Ausgewählten Antrag öffnen' },
  { keys: '/', description: 'Suche fokussieren' },
  { keys: 'Esc', description: 'Dialog schließen; in der Detailansicht zurück zum Posteingang' },
];
