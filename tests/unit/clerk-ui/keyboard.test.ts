import { describe, expect, it } from 'vitest';
import { inboxCommand, moveSelection, SHORTCUTS } from '../../../src-renderer/clerk/logic/keyboard.ts';

describe('inboxCommand', () => {
  it.each([
    ['ArrowDown', 'next'],
    ['j', 'next'],
    ['ArrowUp', 'previous'],
    ['k', 'previous'],
    ['Home', 'first'],
    ['End', 'last'],
    ['Enter', 'open'],
    ['/', 'focus_search'],
  ])('maps %s to %s', (key, command) => {
    expect(inboxCommand({ key, inTextField: false })).toBe(command);
  });

  it('leaves keys typed into a field alone', () => {
    expect(inboxCommand({ key: 'j', inTextField: true })).toBeNull();
    expect(inboxCommand({ key: '/', inTextField: true })).toBeNull();
    expect(inboxCommand({ key: 'ArrowDown', inTextField: true })).toBeNull();
  });

  it('ignores modified keys and unknown keys', () => {
    expect(inboxCommand({ key: 'j', ctrlKey: true, inTextField: false })).toBeNull();
    expect(inboxCommand({ key: 'k', metaKey: true, inTextField: false })).toBeNull();
    expect(inboxCommand({ key: 'x', inTextField: false })).toBeNull();
  });
});

describe('moveSelection', () => {
  it('moves within the list and stops at both ends', () => {
    expect(moveSelection(-1, 'next', 5)).toBe(0);
    expect(moveSelection(3, 'next', 5)).toBe(4);
    expect(moveSelection(4, 'next', 5)).toBe(4);
    expect(moveSelection(0, 'previous', 5)).toBe(0);
    expect(moveSelection(-1, 'previous', 5)).toBe(0);
    expect(moveSelection(2, 'last', 5)).toBe(4);
    expect(moveSelection(2, 'first', 5)).toBe(0);
  });

  it('selects nothing in an empty list', () => {
    expect(moveSelection(3, 'next', 0)).toBe(-1);
  });
});

describe('SHORTCUTS', () => {
  it('documents every key the inbox handles', () => {
    const documented = SHORTCUTS.map((shortcut) => shortcut.keys).join(' ');
    for (const key of ['↓', 'j', '↑', 'k', 'Eingabetaste', '/', 'Esc', 'Pos1', 'Ende']) expect(documented).toContain(key);
  });
});
