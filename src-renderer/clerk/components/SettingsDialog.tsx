// Einstellungen: every policy key with its value and where it comes from. Values that IT manages
// (Gruppenrichtlinie, Richtliniendatei) are read-only; the clerk may change the rest as a personal
// setting, which takes effect at the next start.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SettingEntry } from '../../../src-shared/ipc/clerk.ts';
import { describeFailure } from '../logic/errors.ts';
import { queryKeys, useApi } from '../queries.ts';
import { useClerkUi } from '../store.ts';
import { Alert } from './Alert.tsx';
import { Dialog } from './Dialog.tsx';

export function SettingsDialog() {
  const api = useApi();
  const closeDialog = useClerkUi((state) => state.closeDialog);
  const settings = useQuery({ queryKey: queryKeys.settings, queryFn: () => api.getSettings() });
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <Dialog title="Einstellungen" onClose={closeDialog} wide>
      <p className="kern-body">
        Vorgegebene Werte legt Ihre IT-Abteilung fest; sie lassen sich hier nicht ändern. Eigene
        Einstellungen gelten ab dem nächsten Start der Anwendung.
      </p>
      {settings.isError && (
        <Alert kind="danger" title="Einstellungen nicht geladen" role="alert">
          <p className="kern-body">{describeFailure('Die Einstellungen konnten nicht gelesen werden', settings.error)}</p>
        </Alert>
      )}
      {settings.data && (
        <table className="kern-table kern-table--small clerk-settings">
          <caption className="kern-sr-only">Einstellungen mit Wert und Herkunft</caption>
          <thead className="kern-table__header">
            <tr className="kern-table__row">
              <th scope="col" className="kern-table__header">Einstellung</th>
              <th scope="col" className="kern-table__header">Wert</th>
              <th scope="col" className="kern-table__header">Herkunft</th>
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {settings.data.entries.map((entry) => (
              <tr key={entry.key} className="kern-table__row" data-setting={entry.key}>
                <th scope="row" className="kern-table__cell">
                  <span className="kern-body kern-body--bold">{entry.label}</span>
                  <span className="kern-body kern-body--small clerk-settings__description">{entry.description}</span>
                </th>
                <td className="kern-table__cell">
                  {editing === entry.key
                    ? <SettingEditor entry={entry} onDone={() => setEditing(null)} />
                    : <SettingValue entry={entry} onEdit={() => setEditing(entry.key)} />}
                </td>
                <td className="kern-table__cell">
                  {entry.managed ? <span className="kern-badge kern-badge--info">Vorgegeben</span> : null}
                  <span className="kern-body kern-body--small"> {entry.source}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}

function SettingValue({ entry, onEdit }: { entry: SettingEntry; onEdit(): void }) {
  return (
    <div className="clerk-settings__value">
      <span className="kern-body">{entry.displayValue}</span>
      {entry.editable && (
        <button type="button" className="kern-btn kern-btn--tertiary" onClick={onEdit}>
          <span className="kern-label">Ändern</span>
          <span className="kern-sr-only">: {entry.label}</span>
        </button>
      )}
    </div>
  );
}

function SettingEditor({ entry, onDone }: { entry: SettingEntry; onDone(): void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [text, setText] = useState(initialText(entry));
  const [message, setMessage] = useState<string | null>(null);
  const inputId = `setting-${entry.key}`;
  let describedBy: string | undefined;
  if (message) describedBy = `${inputId}-error`;
  else if (entry.kind === 'list') describedBy = `${inputId}-hint`;

  const save = useMutation({
    mutationFn: () => api.setUserSetting({ key: entry.key, value: parseInput(entry, text) }),
    onSuccess: (result) => {
      if (!result.ok) {
        setMessage(result.message);
        return;
      }
      queryClient.setQueryData(queryKeys.settings, result.view);
      onDone();
    },
    onError: (error) => setMessage(describeFailure('Die Einstellung konnte nicht gespeichert werden', error)),
  });

  return (
    <form className="clerk-settings__editor" onSubmit={(event) => { event.preventDefault(); save.mutate(); }}>
      <label className="kern-label" htmlFor={inputId}>{`Neuer Wert für „${entry.label}“`}</label>
      {entry.kind === 'choice' || entry.kind === 'boolean' ? (
        <select id={inputId} className="kern-form-input__select" value={text} onChange={(event) => setText(event.target.value)}>
          {(entry.kind === 'boolean' ? ['ja', 'nein'] : entry.choices ?? []).map((choice) => <option key={choice} value={choice}>{choice}</option>)}
        </select>
      ) : (
        <input
          id={inputId}
          className="kern-form-input__input"
          type={entry.kind === 'number' ? 'number' : 'text'}
          value={text}
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => setText(event.target.value)}
        />
      )}
      {entry.kind === 'list' && <p id={`${inputId}-hint`} className="kern-hint">Mehrere Werte mit Komma trennen.</p>}
      {message && <p id={`${inputId}-error`} className="kern-error" role="alert"><span className="kern-body">{message}</span></p>}
      <div className="clerk-settings__buttons">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={save.isPending}><span className="kern-label">Speichern</span></button>
        <button type="button" className="kern-btn kern-btn--secondary" onClick={onDone}><span className="kern-label">Abbrechen</span></button>
      </div>
    </form>
  );
}

function initialText(entry: SettingEntry): string {
  if (entry.value === null) return '';
  if (typeof entry.value === 'boolean') return entry.value ? 'ja' : 'nein';
  if (Array.isArray(entry.value)) return entry.value.join(', ');
  return String(entry.value);
}

/** Turns the form text into the JSON value the policy schema expects; main validates it again. */
export function parseInput(entry: Pick<SettingEntry, 'kind'>, text: string): string | number | boolean | string[] {
  switch (entry.kind) {
    case 'number':
      return Number(text);
    case 'boolean':
      return text === 'ja';
    case 'list':
      return text.split(',').map((item) => item.trim()).filter((item) => item !== '');
    case 'text':
    case 'choice':
      return text.trim();
  }
}
