// What the kiosk window adds on top of the citizen app: the idle warning with its reset and the
// staff exit. It renders into its own root next to the citizen app.
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { StaffExitResult } from '../../src-shared/ipc/kiosk.ts';
import type { CitizenState, CitizenStore } from '../citizen/store.ts';
import { warningSecondsFor } from './config.ts';
import { startIdleTimer, type IdleTimer } from './idle-timer.ts';
import { IdleWarning } from './IdleWarning.tsx';
import { StaffExit } from './StaffExit.tsx';

/** Input events that count as the citizen being there. */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;

export interface KioskOverlayProps {
  store: CitizenStore;
  idleSeconds: number;
  /** Ends the citizen's session: clears everything and asks main for a fresh window. */
  resetSession(reason: 'idle' | 'citizen'): Promise<void>;
  staffExit?: (pin: string) => Promise<StaffExitResult>;
}

function isPristine(state: CitizenState): boolean {
  return state.screen === 'picker' && state.locale === 'de' && state.textScale === 100 && !state.highContrast;
}

export function KioskOverlay({ store, idleSeconds, resetSession, staffExit }: KioskOverlayProps) {
  const locale = useStore(store, (state) => state.locale);
  const [warning, setWarning] = useState(false);
  const timerRef = useRef<IdleTimer | null>(null);
  const warningSeconds = warningSecondsFor(idleSeconds);

  useEffect(() => {
    const timer = startIdleTimer({
      idleSeconds,
      warningSeconds,
      isPristine: () => isPristine(store.getState()),
      onWarn: () => setWarning(true),
      onReset: () => {
        setWarning(false);
        void resetSession('idle');
      },
    });
    timerRef.current = timer;

    const onActivity = () => timer.activity();
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { capture: true, passive: true });
    return () => {
      timer.stop();
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, [idleSeconds, warningSeconds, store, resetSession]);

  return (
    <>
      {warning && (
        <IdleWarning
          locale={locale}
          seconds={warningSeconds}
          onMoreTime={() => {
            setWarning(false);
            timerRef.current?.extend();
          }}
          onEndNow={() => {
            setWarning(false);
            timerRef.current?.extend();
            void resetSession('citizen');
          }}
        />
      )}
      {staffExit && <StaffExit staffExit={staffExit} />}
    </>
  );
}
