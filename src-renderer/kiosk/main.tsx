// Kiosk window entry: the citizen app with the IPC backend. The main process opens
// kiosk.html?onScreenKeyboard=1 when the machine policy switches the on-screen keyboard on.
import { mountCitizenApp } from '../citizen/mount.tsx';
import { createKioskBackend, kioskApiFromWindow } from './kiosk-backend.ts';

const container = document.getElementById('root');
if (!container) throw new Error('kiosk.html has no #root element');

const onScreenKeyboard = new URLSearchParams(window.location.search).get('onScreenKeyboard') === '1';

let backendReady = true;
try {
  kioskApiFromWindow();
} catch (error) {
  backendReady = false;
  console.error(error);
  container.textContent = 'Das Terminal ist gerade nicht bereit. Bitte wenden Sie sich an das Personal.';
}

if (backendReady) {
  mountCitizenApp(container, {
    backend: createKioskBackend(kioskApiFromWindow()),
    channel: 'kiosk',
    onScreenKeyboard,
  });
}
