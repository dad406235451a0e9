// Kiosk window entry: the citizen app with the IPC backend, the renderer lockdown, the idle
// warning and reset, and the staff exit. The same entry serves the clerk app's assisted-intake
// window (kiosk.html?channel=assisted), which needs neither idle reset nor staff exit.
import { createRoot } from 'react-dom/client';
import { mountCitizenApp, type MountedCitizenApp } from '../citizen/mount.tsx';
import { readKioskPageConfig } from './config.ts';
import { createKioskBackend, kioskApiFromWindow } from './kiosk-backend.ts';
import { KioskOverlay } from './KioskOverlay.tsx';
import { installRendererLockdown } from './lockdown.ts';
import './kiosk.css';

const container = document.getElementById('root');
if (!container) throw new Error('kiosk.html has no #root element');

const config = readKioskPageConfig(window.location.search);
if (config.channel === 'kiosk') installRendererLockdown(window);

function start(): void {
  let api;
  try {
    api = kioskApiFromWindow();
  } catch (error) {
    console.error(error);
    container!.textContent = 'Das Terminal ist gerade nicht bereit. Bitte wenden Sie sich an das Personal.';
    return;
  }

  const backend = createKioskBackend(api);
  let mounted: MountedCitizenApp | null = null;

  // Everything of the citizen in this page goes: draft, settings, cached queries, web storage.
  // Main then replaces the window with one on a fresh in-memory partition.
  const resetSession = async (reason: 'idle' | 'citizen') => {
    mounted?.resetSession();
    window.sessionStorage.clear();
    window.localStorage.clear();
    window.scrollTo(0, 0);
    document.body.dataset.kioskResets = String(Number(document.body.dataset.kioskResets ?? '0') + 1);
    document.body.dataset.kioskLastReset = reason;
    await api.endSession().catch((error: unknown) => console.error('kiosk: endSession failed', error));
  };

  mounted = mountCitizenApp(container!, {
    backend: { ...backend, endSession: () => resetSession('citizen') },
    channel: config.channel,
    onScreenKeyboard: config.onScreenKeyboard,
    languages: config.languages,
  });

  if (config.channel !== 'kiosk') return;

  const overlay = document.createElement('div');
  overlay.id = 'kiosk-overlay';
  document.body.append(overlay);
  createRoot(overlay).render(
    <KioskOverlay
      store={mounted.store}
      idleSeconds={config.idleSeconds}
      resetSession={resetSession}
      {...(api.staffExit ? { staffExit: (pin: string) => api.staffExit!({ pin }) } : {})}
    />,
  );
}

start();
