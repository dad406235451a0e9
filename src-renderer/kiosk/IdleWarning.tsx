// The idle warning: an alertdialog that screen readers announce, with focus on "Mehr Zeit" and a
// countdown to the reset. Tab stays inside the dialog while it is open.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { LOCALE_INFO, type Locale } from '../citizen/i18n/messages.ts';
import { IDLE_TEXTS } from './idle-texts.ts';

export interface IdleWarningProps {
  locale: Locale;
  seconds: number;
  onMoreTime(): void;
  onEndNow(): void;
}

export function IdleWarning({ locale, seconds, onMoreTime, onEndNow }: IdleWarningProps) {
  const texts = IDLE_TEXTS[locale];
  const [left, setLeft] = useState(seconds);
  const moreTimeRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    moreTimeRef.current?.focus();
    return () => previous?.focus();
  }, []);

  useEffect(() => {
    const timer = setInterval(() => setLeft((value) => Math.max(0, value - 1)), 1000);
    return () => clearInterval(timer);
  }, []);

  const trapFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Tab') return;
    const buttons = [...(dialogRef.current?.querySelectorAll('button') ?? [])];
    const first = buttons[0];
    const last = buttons[buttons.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const lang = locale === 'de-x-ls' ? 'de' : locale;
  return (
    <div className="kiosk-backdrop">
      <div
        ref={dialogRef}
        className="kiosk-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="kiosk-idle-title"
        aria-describedby="kiosk-idle-body"
        lang={lang}
        dir={LOCALE_INFO[locale].dir}
        onKeyDown={trapFocus}
      >
        <h2 id="kiosk-idle-title" className="kern-heading-medium">{texts.title}</h2>
        {/* The first text is announced with the dialog; the running countdown is not re-read every second. */}
        <p id="kiosk-idle-body" className="kern-body kern-body--large">{texts.body.replace('{seconds}', String(seconds))}</p>
        <p className="kern-body kiosk-countdown" aria-hidden="true" data-seconds-left={left}>{left}</p>
        <div className="kiosk-dialog__actions">
          <button ref={moreTimeRef} type="button" className="kern-btn kern-btn--primary" onClick={onMoreTime}>
            <span className="kern-label">{texts.moreTime}</span>
          </button>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={onEndNow}>
            <span className="kern-label">{texts.endNow}</span>
          </button>
        </div>
      </div>
    </div>
  );
}
