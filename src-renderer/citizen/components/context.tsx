// React context of one mounted citizen app: its store, backend and host options.
import { createContext, useContext, useMemo } from 'react';
import { useStore } from 'zustand';
import type { Channel } from '../../../src-shared/index.ts';
import type { CitizenBackend } from '../backend.ts';
import { translatorFor, type Locale, type Translate } from '../i18n/messages.ts';
import type { CitizenState, CitizenStore } from '../store.ts';

export interface CitizenHost {
  store: CitizenStore;
  backend: CitizenBackend;
  /**
   * Eingangskanal of applications filed here: `online` on the web, `kiosk` at the terminal,
   * `assisted` when a clerk files in the clerk app on a citizen's behalf.
   */
  channel: Channel;
  /** IT switches the on-screen keyboard on for terminals without a hardware keyboard. */
  onScreenKeyboard: boolean;
  /** Languages the language switch offers; all of them when unset. The kiosk takes them from policy. */
  languages?: readonly Locale[];
  /** Base URL of the web status page that the receipt links to; unset in the kiosk. */
  statusPageBaseUrl?: string;
}

const HostContext = createContext<CitizenHost | null>(null);

export const HostProvider = HostContext.Provider;

export function useHost(): CitizenHost {
  const host = useContext(HostContext);
  if (!host) throw new Error('Citizen components must be rendered inside CitizenApp');
  return host;
}

export function useCitizen<T>(selector: (state: CitizenState) => T): T {
  return useStore(useHost().store, selector);
}

export function useT(): Translate {
  const locale = useCitizen((state) => state.locale);
  return useMemo(() => translatorFor(locale), [locale]);
}
