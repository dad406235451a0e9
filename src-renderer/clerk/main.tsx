// Clerk window entry: mounts the clerk app on the API the clerk preload exposes.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { clerkApiFromWindow } from './api.ts';
import { ClerkApp } from './components/App.tsx';
import { createClerkQueryClient } from './queries.ts';
import './clerk.css';

const container = document.getElementById('root');
if (!container) throw new Error('clerk.html has no #root element');

document.title = 'Antragsdesk – Sachbearbeitung';
const api = clerkApiFromWindow();

if (api) {
  createRoot(container).render(
    <StrictMode>
      <ClerkApp api={api} queryClient={createClerkQueryClient()} />
    </StrictMode>,
  );
} else {
  console.error('clerk window opened without window.antragsdesk.clerk');
  container.textContent = 'Die Sachbearbeitung konnte nicht starten, weil die Verbindung zum Programmkern fehlt. Bitte starten Sie Antragsdesk neu; wenn der Fehler bleibt, wenden Sie sich an die IT-Betreuung.';
}
