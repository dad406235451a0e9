// Language switch, text size, high contrast and keyboard toggle. It sits at the top of every
// screen so a citizen can always change the language, even in the middle of a form.
import { LOCALE_INFO, LOCALES } from '../i18n/messages.ts';
import { TEXT_SCALES, type TextScale } from '../store.ts';
import { useCitizen, useHost, useT } from './context.tsx';

export function SettingsBar() {
  const t = useT();
  const { onScreenKeyboard, languages = LOCALES } = useHost();
  const locale = useCitizen((state) => state.locale);
  const textScale = useCitizen((state) => state.textScale);
  const highContrast = useCitizen((state) => state.highContrast);
  const keyboardVisible = useCitizen((state) => state.keyboardVisible);
  const setLocale = useCitizen((state) => state.setLocale);
  const setTextScale = useCitizen((state) => state.setTextScale);
  const setHighContrast = useCitizen((state) => state.setHighContrast);
  const setKeyboardVisible = useCitizen((state) => state.setKeyboardVisible);

  const scaleIndex = TEXT_SCALES.indexOf(textScale);
  const changeScale = (step: number) => {
    const next: TextScale | undefined = TEXT_SCALES[scaleIndex + step];
    if (next !== undefined) setTextScale(next);
  };

  return (
    <nav className="citizen-settings" aria-label={t('settings.label')}>
      <div className="citizen-settings__group" role="group" aria-label={t('settings.language')}>
        <span className="kern-icon kern-icon--language" aria-hidden="true" />
        {languages.map((code) => (
          <button
            key={code}
            type="button"
            lang={code === 'de-x-ls' ? 'de' : code}
            className={`kern-btn ${code === locale ? 'kern-btn--primary' : 'kern-btn--tertiary'} citizen-settings__language`}
            aria-pressed={code === locale}
            onClick={() => setLocale(code)}
          >
            <span className="kern-label">{LOCALE_INFO[code].name}</span>
          </button>
        ))}
      </div>

      <div className="citizen-settings__group" role="group" aria-label={t('settings.textSize')}>
        <button type="button" className="kern-btn kern-btn--secondary" onClick={() => changeScale(-1)} disabled={scaleIndex <= 0}>
          {/* The accessible name starts with the visible text (WCAG 2.5.3), then says what it does. */}
          <span className="kern-label" dir="ltr">A−</span>
          <span className="kern-sr-only"> {t('settings.textSmaller')}</span>
        </button>
        <span className="citizen-settings__value" aria-live="polite">
          {t('settings.textSizeValue', { percent: textScale })}
        </span>
        <button type="button" className="kern-btn kern-btn--secondary" onClick={() => changeScale(1)} disabled={scaleIndex >= TEXT_SCALES.length - 1}>
          <span className="kern-label" dir="ltr">A+</span>
          <span className="kern-sr-only"> {t('settings.textLarger')}</span>
        </button>
      </div>

      <div className="citizen-settings__group">
        <button type="button" className="kern-btn kern-btn--secondary" aria-pressed={highContrast} onClick={() => setHighContrast(!highContrast)}>
          <span className="kern-icon kern-icon--brightness-medium" aria-hidden="true" />
          <span className="kern-label">{t('settings.highContrast')}</span>
        </button>
        {onScreenKeyboard && (
          <button type="button" className="kern-btn kern-btn--secondary" aria-pressed={keyboardVisible} onClick={() => setKeyboardVisible(!keyboardVisible)}>
            <span className="kern-label">{t('settings.keyboard')}</span>
          </button>
        )}
      </div>
    </nav>
  );
}
