// Entry point for hosts (kiosk window, portal web page): mounts the citizen app into an element
// and hands back the store and query client so that the host can reset between citizens.
import { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { CitizenBackend } from './backend.ts';
import { CitizenApp } from './components/CitizenApp.tsx';
import type { CitizenHost } from './components/context.tsx';
import { createCitizenStore, type CitizenStore, type Settings } from './store.ts';
import './citizen.css';

export interface MountOptions {
  backend: CitizenBackend;
  channel: CitizenHost['channel'];
  onScreenKeyboard?: boolean;
  languages?: CitizenHost['languages'];
  statusPageBaseUrl?: string;
  initialSettings?: Partial<Settings>;
}

export interface MountedCitizenApp {
  store: CitizenStore;
  queryClient: QueryClient;
  /** Clears the draft, the settings and every cached query, as between two kiosk citizens. */
  resetSession(): void;
  unmount(): void;
}

export function createCitizenQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: 1, staleTime: 5 * 60_000, refetchOnWindowFocus: false },
      // A submission is never retried behind the citizen's back; the review page offers a retry
      // that reuses the idempotency key.
      mutations: { retry: false },
    },
  });
}

export function mountCitizenApp(container: HTMLElement, options: MountOptions): MountedCitizenApp {
  const store = createCitizenStore({ keyboardVisible: options.onScreenKeyboard ?? false, ...options.initialSettings });
  const queryClient = createCitizenQueryClient();
  const host: CitizenHost = {
    store,
    backend: options.backend,
    channel: options.channel,
    onScreenKeyboard: options.onScreenKeyboard ?? false,
    statusPageBaseUrl: options.statusPageBaseUrl,
    ...(options.languages ? { languages: options.languages } : {}),
  };

  const root = createRoot(container);
  root.render(
    <StrictMode>
      <CitizenApp host={host} queryClient={queryClient} />
    </StrictMode>,
  );

  return {
    store,
    queryClient,
    resetSession: () => {
      store.getState().reset();
      queryClient.clear();
    },
    unmount: () => root.unmount(),
  };
}
