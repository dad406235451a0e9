// The application status model and its allowed transitions. This is the single table that the
// portal enforces (409 on anything else) and that the desktop app uses to offer actions.

export const APPLICATION_STATUSES = [
  'submitted',
  'accepted',
  'in_progress',
  'action_required',
  'approved',
  'rejected',
  'withdrawn',
  'discarded',
] as const;

export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** German label shown to citizens and clerks. */
export const STATUS_LABELS_DE: Record<ApplicationStatus, string> = {
  submitted: 'Eingegangen',
  accepted: 'Angenommen',
  in_progress: 'In Bearbeitung',
  action_required: 'Rückfrage an Sie',
  approved: 'Bewilligt',
  rejected: 'Abgelehnt',
  withdrawn: 'Zurückgezogen',
  discarded: 'Verworfen',
};

/** State of the federal citizen mailbox (ZBP); null means the status is never shown to citizens. */
export type ZbpState = 'SUBMITTED' | 'RECEIVED' | 'PROCESSING' | 'ACTION_REQUIRED' | 'COMPLETED';

export const STATUS_ZBP_STATE: Record<ApplicationStatus, ZbpState | null> = {
  submitted: 'SUBMITTED',
  accepted: 'RECEIVED',
  in_progress: 'PROCESSING',
  action_required: 'ACTION_REQUIRED',
  approved: 'COMPLETED',
  rejected: 'COMPLETED',
  withdrawn: 'COMPLETED',
  discarded: null,
};

/** Default citizen-facing text per status; a service may override it in the catalog. */
export const DEFAULT_CITIZEN_STATUS_TEXTS_DE: Record<ApplicationStatus, string> = {
  submitted: 'Ihr Antrag ist bei uns eingegangen. Wir prüfen ihn und melden uns bei Ihnen.',
  accepted: 'Ihr Antrag wurde angenommen und wird der zuständigen Stelle zugeordnet.',
  in_progress: 'Ihr Antrag wird bearbeitet.',
  action_required: 'Wir haben eine Rückfrage zu Ihrem Antrag. Bitte antworten Sie über die Statusseite.',
  approved: 'Ihr Antrag wurde bewilligt. Den Bescheid erhalten Sie gesondert.',
  rejected: 'Ihr Antrag wurde abgelehnt. Die Gründe stehen im Bescheid.',
  withdrawn: 'Ihr Antrag wurde zurückgezogen.',
  discarded: '',
};

export const TERMINAL_STATUSES: ReadonlySet<ApplicationStatus> = new Set([
  'approved',
  'rejected',
  'withdrawn',
  'discarded',
]);

/** Actions that change the status of an application. */
export const STATUS_ACTIONS = [
  'accept',
  'start',
  'request_information',
  'approve',
  'reject',
  'withdraw',
  'discard',
  'citizen_reply',
] as const;

export type StatusAction = (typeof STATUS_ACTIONS)[number];

interface Transition {
  readonly from: readonly ApplicationStatus[];
  readonly to: ApplicationStatus;
}

/**
 * Allowed status transitions, keyed by action. A citizen reply moves a Rückfrage back into
 * processing; everything else is a clerk action.
 */
export const TRANSITIONS: Record<StatusAction, Transition> = {
  accept: { from: ['submitted'], to: 'accepted' },
  start: { from: ['accepted'], to: 'in_progress' },
  request_information: { from: ['accepted', 'in_progress'], to: 'action_required' },
  approve: { from: ['accepted', 'in_progress'], to: 'approved' },
  reject: { from: ['accepted', 'in_progress', 'action_required'], to: 'rejected' },
  withdraw: { from: ['submitted', 'accepted', 'in_progress', 'action_required'], to: 'withdrawn' },
  discard: { from: ['submitted', 'accepted'], to: 'discarded' },
  citizen_reply: { from: ['action_required'], to: 'in_progress' },
};

/** Returns the status an action leads to, or null when the action is not allowed from `from`. */
export function nextStatus(from: ApplicationStatus, action: StatusAction): ApplicationStatus | null {
  const transition = TRANSITIONS[action];
  return transition.from.includes(from) ? transition.to : null;
}

/** Lists the status actions allowed from a status, in table order. */
export function allowedStatusActions(from: ApplicationStatus): StatusAction[] {
  return STATUS_ACTIONS.filter((action) => TRANSITIONS[action].from.includes(from));
}

/** Fails to compile when a switch over a union misses a member. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${String(value)}`);
}
