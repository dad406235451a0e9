// On-screen keyboard with the German layout (QWERTZ with ä, ö, ü, ß) for terminals without a
// hardware keyboard. It types into the text field that had focus last and never takes focus
// itself, so the caret stays where the citizen put it.
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { useT } from './context.tsx';

const ROWS: string[][] = [
  ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', 'ß'],
  ['q', 'w', 'e', 'r', 't', 'z', 'u', 'i', 'o', 'p', 'ü'],
  ['a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'ö', 'ä'],
  ['y', 'x', 'c', 'v', 'b', 'n', 'm', ',', '.', '-', '@'],
];

type TextControl = HTMLInputElement | HTMLTextAreaElement;

const TYPEABLE_INPUT_TYPES = new Set(['text', 'search', 'email', 'tel', 'url', 'number', '']);

function isTextControl(element: Element | null): element is TextControl {
  if (element instanceof HTMLTextAreaElement) return !element.readOnly && !element.disabled;
  return element instanceof HTMLInputElement && TYPEABLE_INPUT_TYPES.has(element.type) && !element.readOnly && !element.disabled;
}

/**
 * Replaces the selection of a control and fires an `input` event. setRangeText changes the value
 * without React's value setter, so React treats the event as a real change and calls onChange.
 */
export function typeIntoControl(control: TextControl, text: string, deleteBackward = false): void {
  // type="email" has no selection API; the caret is then taken to be at the end.
  const hasSelection = control.selectionStart !== null;
  const start = hasSelection ? (control.selectionStart ?? 0) : control.value.length;
  const end = hasSelection ? (control.selectionEnd ?? start) : control.value.length;

  if (deleteBackward) {
    const from = start === end ? Math.max(0, start - 1) : start;
    if (hasSelection) control.setRangeText('', from, end, 'end');
    else setValueBehindReact(control, control.value.slice(0, from));
  } else if (hasSelection) {
    control.setRangeText(text, start, end, 'end');
  } else {
    setValueBehindReact(control, control.value + text);
  }

  control.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * React tracks `value` through a setter on the element itself; the prototype's setter bypasses
 * it, so the following input event counts as a change.
 */
function setValueBehindReact(control: TextControl, value: string): void {
  const prototype = control instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(control, value);
}

export function OnScreenKeyboard({ visible, onHide }: { visible: boolean; onHide: () => void }) {
  const t = useT();
  const [shift, setShift] = useState(false);
  const target = useRef<TextControl | null>(null);

  useEffect(() => {
    const remember = (event: FocusEvent) => {
      if (isTextControl(event.target as Element)) target.current = event.target as TextControl;
    };
    document.addEventListener('focusin', remember);
    return () => document.removeEventListener('focusin', remember);
  }, []);

  if (!visible) return null;

  // Pressing a key must not move focus out of the text field.
  const keepFocus = (event: PointerEvent) => event.preventDefault();

  const press = (text: string, deleteBackward = false) => {
    const control = target.current;
    if (!control || !control.isConnected) return;
    typeIntoControl(control, text, deleteBackward);
    if (shift && !deleteBackward) setShift(false);
  };

  const keyLabel = (key: string) => (shift ? key.toLocaleUpperCase('de-DE') : key);

  return (
    <div className="citizen-keyboard" role="group" aria-label={t('keyboard.label')} dir="ltr" lang="de">
      {ROWS.map((row, rowIndex) => (
        <div key={rowIndex} className="citizen-keyboard__row">
          {row.map((key) => (
            <button key={key} type="button" tabIndex={-1} className="citizen-keyboard__key" onPointerDown={keepFocus} onClick={() => press(keyLabel(key))}>
              {keyLabel(key)}
            </button>
          ))}
        </div>
      ))}
      <div className="citizen-keyboard__row">
        <button type="button" tabIndex={-1} className="citizen-keyboard__key citizen-keyboard__key--wide" aria-pressed={shift} onPointerDown={keepFocus} onClick={() => setShift(!shift)}>
          ⇧ <span className="kern-sr-only">{t('keyboard.shift')}</span>
        </button>
        <button type="button" tabIndex={-1} className="citizen-keyboard__key citizen-keyboard__key--space" onPointerDown={keepFocus} onClick={() => press(' ')}>
          {t('keyboard.space')}
        </button>
        <button type="button" tabIndex={-1} className="citizen-keyboard__key citizen-keyboard__key--wide" aria-label={t('keyboard.backspace')} onPointerDown={keepFocus} onClick={() => press('', true)}>
          ⌫
        </button>
        <button type="button" tabIndex={-1} className="citizen-keyboard__key citizen-keyboard__key--wide" onPointerDown={keepFocus} onClick={onHide}>
          {t('keyboard.hide')}
        </button>
      </div>
    </div>
  );
}
