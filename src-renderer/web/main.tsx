// Entry of the portal's citizen web pages: the citizen app over the portal's HTTP API on the
// page's own origin. `?onScreenKeyboard=1` shows the on-screen keyboard, e.g. on a public tablet.
import { mountCitizenApp } from '../citizen/mount.tsx';
import { createHttpBackend } from './http-backend.ts';

const container = document.getElementById('root');
if (!container) throw new Error('web.html has no #root element');

mountCitizenApp(container, {
  backend: createHttpBackend(),
  channel: 'online',
  onScreenKeyboard: new URLSearchParams(window.location.search).get('onScreenKeyboard') === '1',
  statusPageBaseUrl: window.location.origin,
});
