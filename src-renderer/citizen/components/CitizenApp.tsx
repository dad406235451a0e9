// Root of the citizen app: applies language, direction, text size and contrast to the document and
// shows the screen the store is on.
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { LOCALE_INFO } from '../i18n/messages.ts';
import { HostProvider, useCitizen, useHost, useT, type CitizenHost } from './context.tsx';
import { OnScreenKeyboard } from './OnScreenKeyboard.tsx';
import { ReceiptScreen } from './ReceiptScreen.tsx';
import { ServicePicker } from './ServicePicker.tsx';
import { SettingsBar } from './SettingsBar.tsx';
import { Wizard } from './Wizard.tsx';

export interface CitizenAppProps {
  host: CitizenHost;
  queryClient: QueryClient;
}

export function CitizenApp({ host, queryClient }: CitizenAppProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <HostProvider value={host}>
        <Shell />
      </HostProvider>
    </QueryClientProvider>
  );
}

const TEXT_SCALE_CLASSES = ['citizen-text-100', 'citizen-text-125', 'citizen-text-150', 'citizen-text-175'];

function Shell() {
  const t = useT();
  const { onScreenKeyboard, statusPageBaseUrl } = useHost();
  const locale = useCitizen((state) => state.locale);
  const textScale = useCitizen((state) => state.textScale);
  const highContrast = useCitizen((state) => state.highContrast);
  const keyboardVisible = useCitizen((state) => state.keyboardVisible);
  const setKeyboardVisible = useCitizen((state) => state.setKeyboardVisible);
  const screen = useCitizen((state) => state.screen);
  const dir = LOCALE_INFO[locale].dir;

  // Language, direction and text size live on <html>: rem units and the scrollbar side follow it.
  useEffect(() => {
    const root = document.documentElement;
    root.lang = locale;
    root.dir = dir;
    root.classList.remove(...TEXT_SCALE_CLASSES);
    root.classList.add(`citizen-text-${textScale}`);
    root.classList.toggle('citizen-high-contrast', highContrast);
    root.dataset.kernTheme = highContrast ? 'dark' : 'light';
    document.title = t('app.title');
  }, [locale, dir, textScale, highContrast, t]);

  const skipToMain = () => document.getElementById('main')?.focus();

  return (
    <div className="citizen-app" lang={locale} dir={dir}>
      <a className="kern-link citizen-skip-link" href="#main" onClick={(event) => { event.preventDefault(); skipToMain(); }}>
        {t('app.skipToContent')}
      </a>
      <header className="citizen-header">
        <p className="citizen-header__title kern-heading-small">{t('app.title')}</p>
        <SettingsBar />
      </header>
      <main id="main" className="kern-container citizen-main" tabIndex={-1}>
        {screen === 'picker' && <ServicePicker />}
        {screen === 'wizard' && <Wizard />}
        {screen === 'receipt' && <ReceiptScreen />}
      </main>
      {statusPageBaseUrl && (
        // Web only: the kiosk has no status page link and must not navigate anywhere.
        <footer className="citizen-footer">
          <nav aria-label={t('footer.label')} className="kern-container">
            <a className="kern-link" href={new URL('/status', statusPageBaseUrl).toString()}>{t('footer.status')}</a>
            {' · '}
            <a className="kern-link" href={new URL('/hilfe', statusPageBaseUrl).toString()}>{t('footer.help')}</a>
          </nav>
        </footer>
      )}
      {onScreenKeyboard && <OnScreenKeyboard visible={keyboardVisible} onHide={() => setKeyboardVisible(false)} />}
    </div>
  );
}
