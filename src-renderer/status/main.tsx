// Entry of the status page (`/status`): reference number and access code in, status history,
// messages and the reply to a Rückfrage out. `?ref=` from the receipt's QR code prefills the
// reference; the access code is never part of a URL.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { StatusApp } from './StatusApp.tsx';
import { createStatusApi } from './status-api.ts';
import './status.css';

const container = document.getElementById('root');
if (!container) throw new Error('status.html has no #root element');

const initialReference = new URLSearchParams(window.location.search).get('ref') ?? '';

createRoot(container).render(
  <StrictMode>
    <StatusApp api={createStatusApi()} initialReference={initialReference} />
  </StrictMode>,
);
