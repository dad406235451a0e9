// Staff exit: five presses on the small "Personal" corner button within four seconds open a PIN
// dialog. The main process checks the PIN against the policy's hash and rate-limits wrong PINs.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { StaffExitResult } from '../../src-shared/ipc/kiosk.ts';

const PRESSES_TO_OPEN = 5;
const PRESS_WINDOW_MS = 4_000;

export interface StaffExitProps {
  staffExit(pin: string): Promise<StaffExitResult>;
}

export function StaffExit({ staffExit }: StaffExitProps) {
  const [open, setOpen] = useState(false);
  const presses = useRef<number[]>([]);

  const press = () => {
    const now = Date.now();
    presses.current = [...presses.current.filter((time) => now - time < PRESS_WINDOW_MS), now];
    if (presses.current.length >= PRESSES_TO_OPEN) {
      presses.current = [];
      setOpen(true);
    }
  };

  return (
    <div lang="de" dir="ltr">
      <button type="button" className="kiosk-staff-corner" aria-label="Personal" onClick={press} />
      {open && <PinDialog staffExit={staffExit} onClose={() => setOpen(false)} />}
    </div>
  );
}

function PinDialog({ staffExit, onClose }: StaffExitProps & { onClose(): void }) {
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => inputRef.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const result = await staffExit(pin);
      setPin('');
      if (result.kind === 'granted') setMessage('Das Terminal wird beendet.');
      else if (result.kind === 'unavailable') setMessage('Für dieses Terminal ist keine PIN eingerichtet. Bitte beenden Sie es über das Betriebssystem.');
      else if (result.retryAfterSeconds > 0) setMessage(`Die PIN ist falsch. Nächster Versuch in ${result.retryAfterSeconds} Sekunden möglich.`);
      else setMessage('Die PIN ist falsch.');
    } catch {
      setMessage('Die PIN konnte nicht geprüft werden.');
    } finally {
      setBusy(false);
      inputRef.current?.focus();
    }
  };

  return (
    <div className="kiosk-backdrop">
      <form className="kiosk-dialog" role="dialog" aria-modal="true" aria-labelledby="kiosk-staff-title" onSubmit={(event) => void submit(event)}>
        <h2 id="kiosk-staff-title" className="kern-heading-medium">Terminal beenden</h2>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="kiosk-staff-pin">Administrations-PIN</label>
          <input
            ref={inputRef}
            id="kiosk-staff-pin"
            className="kern-form-input__input"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={12}
            value={pin}
            onChange={(event) => setPin(event.target.value)}
          />
        </div>
        <p className="kern-body" role="status">{message}</p>
        <div className="kiosk-dialog__actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={busy || pin === ''}>
            <span className="kern-label">Beenden</span>
          </button>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={onClose}>
            <span className="kern-label">Abbrechen</span>
          </button>
        </div>
      </form>
    </div>
  );
}
