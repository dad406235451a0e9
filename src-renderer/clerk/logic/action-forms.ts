// Action dialogs of the clerk: the actions an application offers, the fields each dialog requires,
// and the conversion of entered values into a ClerkAction. Validation messages are German and name the field.
import { ClerkAction, type ClerkActionName, type ClerkUser } from '../../../src-shared/api.ts';
import { allowedStatusActions, TERMINAL_STATUSES, type ApplicationStatus } from '../../../src-shared/status.ts';

export type ActionFieldName = 'note' | 'message' | 'decision' | 'reasons' | 'reason' | 'internalReason' | 'assigneeId' | 'date' | 'text' | 'targetAuthorityId';

export interface ActionField {
  name: ActionFieldName;
  label: string;
  hint?: string;
  kind: 'textarea' | 'date' | 'select-user' | 'select-authority';
  required: boolean;
}

export interface ActionSpec {
  action: ClerkActionName;
  /** Button and dialog title. */
  title: string;
  /** Explanation of the effect, shown at the top of the dialog. */
  description: string;
  confirmLabel: string;
  fields: ActionField[];
  /** Primary button style for the usual next step, danger style for what ends the application. */
  tone: 'primary' | 'secondary' | 'danger';
}

const INTERNAL_HINT = 'Intern: nur für die Verwaltung sichtbar, nie für die Antragstellerin oder den Antragsteller.';
const CITIZEN_HINT = 'Die Antragstellerin oder der Antragsteller sieht diesen Text auf der Statusseite.';

export const ACTION_SPECS: Record<ClerkActionName, ActionSpec> = {
  accept: {
    action: 'accept', title: 'Annehmen', confirmLabel: 'Antrag annehmen', tone: 'primary',
    description: 'Der Antrag wird angenommen. Die Antragstellerin oder der Antragsteller sieht den Status „Angenommen“.',
    fields: [{ name: 'note', label: 'Vermerk (optional)', hint: INTERNAL_HINT, kind: 'textarea', required: false }],
  },
  start: {
    action: 'start', title: 'Bearbeitung beginnen', confirmLabel: 'Bearbeitung beginnen', tone: 'primary',
    description: 'Der Status wechselt zu „In Bearbeitung“.',
    fields: [{ name: 'note', label: 'Vermerk (optional)', hint: INTERNAL_HINT, kind: 'textarea', required: false }],
  },
  request_information: {
    action: 'request_information', title: 'Rückfrage stellen', confirmLabel: 'Rückfrage senden', tone: 'secondary',
    description: 'Die Nachricht geht an die Antragstellerin oder den Antragsteller. Der Status wechselt zu „Rückfrage an Sie“, bis eine Antwort eingeht.',
    fields: [{ name: 'message', label: 'Nachricht an die Antragstellerin oder den Antragsteller', hint: CITIZEN_HINT, kind: 'textarea', required: true }],
  },
  approve: {
    action: 'approve', title: 'Bewilligen', confirmLabel: 'Antrag bewilligen', tone: 'primary',
    description: 'Der Antrag wird mit einem Bescheid bewilligt und ist damit abgeschlossen.',
    fields: [{ name: 'decision', label: 'Bescheid', hint: CITIZEN_HINT, kind: 'textarea', required: true }],
  },
  reject: {
    action: 'reject', title: 'Ablehnen', confirmLabel: 'Antrag ablehnen', tone: 'danger',
    description: 'Der Antrag wird mit Bescheid und Begründung abgelehnt und ist damit abgeschlossen.',
    fields: [
      { name: 'decision', label: 'Bescheid', hint: CITIZEN_HINT, kind: 'textarea', required: true },
      { name: 'reasons', label: 'Begründung der Ablehnung', hint: CITIZEN_HINT, kind: 'textarea', required: true },
    ],
  },
  withdraw: {
    action: 'withdraw', title: 'Als zurückgezogen erfassen', confirmLabel: 'Rücknahme erfassen', tone: 'danger',
    description: 'Erfassen Sie, dass die Antragstellerin oder der Antragsteller den Antrag zurückgezogen hat, zum Beispiel telefonisch.',
    fields: [{ name: 'reason', label: 'Anlass der Rücknahme', kind: 'textarea', required: true }],
  },
  discard: {
    action: 'discard', title: 'Antrag verwerfen', confirmLabel: 'Antrag verwerfen', tone: 'danger',
    description: 'Nur für Dubletten und offensichtlichen Missbrauch. Der Antrag verschwindet aus den Arbeitsansichten.',
    fields: [{ name: 'internalReason', label: 'Interner Grund', hint: INTERNAL_HINT, kind: 'textarea', required: true }],
  },
  assign: {
    action: 'assign', title: 'Zuweisen', confirmLabel: 'Zuweisung speichern', tone: 'secondary',
    description: 'Legen Sie fest, wer den Antrag bearbeitet.',
    fields: [{ name: 'assigneeId', label: 'Zuständig', kind: 'select-user', required: false }],
  },
  set_follow_up: {
    action: 'set_follow_up', title: 'Wiedervorlage', confirmLabel: 'Wiedervorlage speichern', tone: 'secondary',
    description: 'An diesem Tag erscheint der Antrag in der Ansicht „Wiedervorlage heute“. Ein leeres Datum entfernt die Wiedervorlage.',
    fields: [{ name: 'date', label: 'Datum der Wiedervorlage', kind: 'date', required: false }],
  },
  add_note: {
    action: 'add_note', title: 'Vermerk hinzufügen', confirmLabel: 'Vermerk speichern', tone: 'secondary',
    description: 'Der Vermerk erscheint im Verlauf und ist als intern gekennzeichnet.',
    fields: [{ name: 'text', label: 'Vermerk', hint: INTERNAL_HINT, kind: 'textarea', required: true }],
  },
  forward: {
    action: 'forward', title: 'Weiterleiten', confirmLabel: 'Antrag weiterleiten', tone: 'secondary',
    description: 'Der Antrag geht mit seinem Verlauf an die zuständige Behörde und verlässt Ihren Posteingang.',
    fields: [
      { name: 'targetAuthorityId', label: 'Zuständige Behörde', kind: 'select-authority', required: true },
      { name: 'reason', label: 'Grund der Weiterleitung', hint: INTERNAL_HINT, kind: 'textarea', required: true },
    ],
  },
};

/** Lists the actions an application in this status offers, status actions first. */
export function availableActions(status: ApplicationStatus): ClerkActionName[] {
  const statusActions = allowedStatusActions(status).filter((action): action is Exclude<typeof action, 'citizen_reply'> => action !== 'citizen_reply');
  const always: ClerkActionName[] = ['add_note'];
  const whileOpen: ClerkActionName[] = TERMINAL_STATUSES.has(status) ? [] : ['assign', 'set_follow_up', 'forward'];
  return [...statusActions, ...whileOpen, ...always];
}

/** Lists the users a clerk may assign to. A clerk gets only themselves, a team lead or admin everyone of the authority. */
export function assignableUsers(me: ClerkUser, users: readonly ClerkUser[]): ClerkUser[] {
  if (me.role === 'clerk') return users.filter((user) => user.id === me.id).concat(users.some((user) => user.id === me.id) ? [] : [me]);
  return users.filter((user) => user.authorityId === me.authorityId);
}

export type ActionValues = Partial<Record<ActionFieldName, string>>;

export type BuildResult =
  | { ok: true; action: ClerkAction }
  | { ok: false; errors: Partial<Record<ActionFieldName, string>> };

/** Checks the dialog values and builds the action; empty optional values are left out. */
export function buildAction(name: ClerkActionName, values: ActionValues, expectedVersion: number): BuildResult {
  const spec = ACTION_SPECS[name];
  const errors: Partial<Record<ActionFieldName, string>> = {};

  for (const field of spec.fields) {
    const value = values[field.name]?.trim() ?? '';
    if (field.required && value === '') errors[field.name] = `Bitte füllen Sie „${field.label}“ aus.`;
    if (field.kind === 'textarea' && value.length > 20_000) errors[field.name] = `„${field.label}“ ist zu lang: höchstens 20.000 Zeichen.`;
    if (field.kind === 'date' && value !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) errors[field.name] = 'Bitte geben Sie ein gültiges Datum ein.';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const text = (field: ActionFieldName) => values[field]?.trim() ?? '';
  const optional = (field: ActionFieldName) => (text(field) === '' ? undefined : text(field));
  const candidate = actionBody(name, text, optional);
  const parsed = ClerkAction.safeParse({ ...candidate, expectedVersion });

  // The checks above cover every rule of the schema; a failure here is a programming error.
  if (!parsed.success) throw new Error(`Action ${name} failed its schema: ${parsed.error.message}`);
  return { ok: true, action: parsed.data };
}

function actionBody(name: ClerkActionName, text: (field: ActionFieldName) => string, optional: (field: ActionFieldName) => string | undefined): Record<string, unknown> {
  switch (name) {
    case 'accept':
    case 'start':
      return { action: name, note: optional('note') };
    case 'request_information':
      return { action: name, message: text('message') };
    case 'approve':
      return { action: name, decision: text('decision') };
    case 'reject':
      return { action: name, decision: text('decision'), reasons: text('reasons') };
    case 'withdraw':
      return { action: name, reason: text('reason') };
    case 'discard':
      return { action: name, internalReason: text('internalReason') };
    case 'assign':
      return { action: name, assigneeId: optional('assigneeId') ?? null };
    case 'set_follow_up':
      return { action: name, date: optional('date') ?? null };
    case 'add_note':
      return { action: name, text: text('text') };
    case 'forward':
      return { action: name, targetAuthorityId: text('targetAuthorityId'), reason: text('reason') };
  }
}

/** German description of an action for lists of pending actions and conflicts. */
export function actionLabel(action: ClerkAction): string {
  return ACTION_SPECS[action.action].title;
}

/** Lists the texts and values the clerk entered for an action, labelled as in its dialog. */
export function actionDetails(action: ClerkAction): { label: string; value: string }[] {
  const spec = ACTION_SPECS[action.action];
  const entered = action as unknown as Record<string, unknown>;
  return spec.fields
    .map((field) => ({ label: field.label.replace(' (optional)', ''), value: entered[field.name] }))
    .filter((detail): detail is { label: string; value: string } => typeof detail.value === 'string' && detail.value !== '');
}
