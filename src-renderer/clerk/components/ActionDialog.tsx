// Dialog for one clerk action with the fields it requires. On submit the action goes to the
// outbox of the main process; the inbox shows the portal's state after the next sync.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import type { ClerkActionName } from '../../../src-shared/api.ts';
import { ACTION_SPECS, assignableUsers, buildAction, type ActionFieldName, type ActionValues } from '../logic/action-forms.ts';
import { describeFailure } from '../logic/errors.ts';
import { queryKeys, useApi, useApplication, useAuthorities, useSession, useUsers } from '../queries.ts';
import { useClerkUi } from '../store.ts';
import { Alert } from './Alert.tsx';
import { Dialog } from './Dialog.tsx';

export function ActionDialog({ action, applicationId }: { action: ClerkActionName; applicationId: string }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const application = useApplication(applicationId);
  const session = useSession();
  const users = useUsers();
  const authorities = useAuthorities();
  const closeDialog = useClerkUi((state) => state.closeDialog);
  const pushToast = useClerkUi((state) => state.pushToast);
  const spec = ACTION_SPECS[action];
  const formRef = useRef<HTMLFormElement>(null);

  const me = session.data?.signedIn ? session.data.user : null;
  const [values, setValues] = useState<ActionValues>(() => initialValues(action, application.data?.assigneeId ?? null, application.data?.followUp ?? null, me?.id ?? null));
  const [errors, setErrors] = useState<Partial<Record<ActionFieldName, string>>>({});

  const submit = useMutation({
    mutationFn: (built: Parameters<typeof api.submitAction>[0]) => api.submitAction(built),
    onSuccess: async () => {
      pushToast({ kind: 'success', title: `${spec.title}: gespeichert`, text: `Die Aktion für ${application.data?.reference ?? 'den Antrag'} ist gespeichert und wird an das Portal gesendet.` });
      await queryClient.invalidateQueries({ queryKey: queryKeys.syncStatus });
      await queryClient.invalidateQueries({ queryKey: queryKeys.pendingActions });
      closeDialog();
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!application.data) return;
    const result = buildAction(action, values, application.data.version);
    if (!result.ok) {
      setErrors(result.errors);
      // The first field with an error gets focus, where its message is read out.
      const first = spec.fields.find((field) => result.errors[field.name]);
      if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first.name}"]`)?.focus();
      return;
    }
    setErrors({});
    submit.mutate({ applicationId: application.data.id, action: result.action });
  };

  // Editing a field clears its message; the next submit checks again.
  const setValue = (name: ActionFieldName, value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    setErrors((current) => {
      if (!current[name]) return current;
      const { [name]: _cleared, ...rest } = current;
      return rest;
    });
  };
  const userOptions = me ? assignableUsers(me, users.data ?? []) : [];
  const authorityOptions = (authorities.data ?? []).filter((authority) => authority.id !== application.data?.authorityId);

  return (
    <Dialog
      title={`${spec.title}${application.data ? ` – ${application.data.reference}` : ''}`}
      onClose={closeDialog}
      footer={
        <div className="clerk-actions">
          <button type="submit" form="action-form" className={`kern-btn ${spec.tone === 'danger' ? 'kern-btn--primary clerk-btn--danger-solid' : 'kern-btn--primary'}`} disabled={submit.isPending || !application.data}>
            <span className="kern-label">{submit.isPending ? 'Wird gespeichert …' : spec.confirmLabel}</span>
          </button>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={closeDialog}>
            <span className="kern-label">Abbrechen</span>
          </button>
        </div>
      }
    >
      <p className="kern-body">{spec.description}</p>
      {submit.error && (
        <Alert kind="danger" title="Nicht gespeichert" role="alert">
          <p className="kern-body">{describeFailure('Die Aktion konnte nicht gespeichert werden', submit.error)}</p>
        </Alert>
      )}
      <form id="action-form" ref={formRef} className="clerk-stack" onSubmit={onSubmit} noValidate>
        {spec.fields.map((field) => {
          const id = `action-${field.name}`;
          const error = errors[field.name];
          const describedBy = [field.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
          const common = { id, name: field.name, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, required: field.required };
          return (
            <div key={field.name} className={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
              <label className="kern-label" htmlFor={id}>{field.label}</label>
              {field.hint && <p className="kern-hint" id={`${id}-hint`}>{field.hint}</p>}
              {error && <p className="kern-error" id={`${id}-error`}><span className="kern-icon kern-icon--danger" aria-hidden="true" /><span>{error}</span></p>}
              {field.kind === 'textarea' && (
                <textarea {...common} className="kern-form-input__input clerk-textarea" rows={5} value={values[field.name] ?? ''} onChange={(event) => setValue(field.name, event.target.value)} />
              )}
              {field.kind === 'date' && (
                <input {...common} type="date" className="kern-form-input__input" value={values[field.name] ?? ''} onChange={(event) => setValue(field.name, event.target.value)} />
              )}
              {field.kind === 'select-user' && (
                <div className="kern-form-input__select-wrapper">
                  <select {...common} className="kern-form-input__select" value={values[field.name] ?? ''} onChange={(event) => setValue(field.name, event.target.value)}>
                    <option value="">Niemand (Zuweisung aufheben)</option>
                    {userOptions.map((user) => <option key={user.id} value={user.id}>{user.id === me?.id ? `Mir (${user.displayName})` : user.displayName}</option>)}
                  </select>
                </div>
              )}
              {field.kind === 'select-authority' && (
                <div className="kern-form-input__select-wrapper">
                  <select {...common} className="kern-form-input__select" value={values[field.name] ?? ''} onChange={(event) => setValue(field.name, event.target.value)}>
                    <option value="">Bitte wählen</option>
                    {authorityOptions.map((authority) => <option key={authority.id} value={authority.id}>{authority.name}</option>)}
                  </select>
                </div>
              )}
            </div>
          );
        })}
      </form>
    </Dialog>
  );
}

/** Starts the assignment on the clerk and the follow-up on the current value, the usual cases. */
function initialValues(action: ClerkActionName, assigneeId: string | null, followUp: string | null, myId: string | null): ActionValues {
  if (action === 'assign') return { assigneeId: assigneeId ?? myId ?? '' };
  if (action === 'set_follow_up') return { date: followUp ?? '' };
  return {};
}
