// Clerk actions on an application, decided on its current state inside the store's transaction:
// tenancy, expected version, the transition table and the effect on the snapshot.
import { randomUUID } from 'node:crypto';
import type { Application, ClerkAction, ClerkUser, HistoryEntry, Service, StatusAction } from '../../../src-shared/index.ts';
import {
  allowedStatusActions, DEFAULT_CITIZEN_STATUS_TEXTS_DE, nextStatus, STATUS_LABELS_DE, TERMINAL_STATUSES,
} from '../../../src-shared/index.ts';
import type { ProblemError } from '../http/problem.ts';
import { conflict, forbidden, notFound, validationFailed } from '../http/problem.ts';
import type { AuditDetails, Decision } from '../store/store.ts';

export interface ActionContext {
  actor: ClerkUser;
  now: Date;
  /** The service version the application was filed with, for its citizen status texts. */
  service: Service | null;
  /** For `assign`: the user named by assigneeId, looked up beforehand (null when unknown). */
  assignee?: ClerkUser | null;
  /** For `forward`: whether the target authority exists. */
  targetAuthorityExists?: boolean;
}

export function decideClerkAction(current: Application, action: ClerkAction, context: ActionContext): Decision<ProblemError> {
  // Checked here, inside the transaction, so an application forwarded a moment ago is out of reach.
  if (current.authorityId !== context.actor.authorityId) {
    return { ok: false, error: notFound(`Application ${current.id} is not in the inbox of authority ${context.actor.authorityId}.`) };
  }

  if (action.expectedVersion !== current.version) {
    return {
      ok: false,
      error: conflict(
        'version-conflict',
        `Application ${current.id} is at version ${current.version}, the request expected version ${action.expectedVersion}.`,
        'Der Antrag wurde inzwischen geändert. Bitte prüfen Sie den aktuellen Stand und wiederholen Sie die Aktion.',
        { currentVersion: current.version },
      ),
    };
  }

  const at = context.now.toISOString();
  const base = { id: randomUUID(), at, actorId: context.actor.id };
  const audit = (newStatus: string, data?: AuditDetails['data']): AuditDetails => ({
    at, actorId: context.actor.id, action: action.action, oldStatus: current.status, newStatus, ...(data ? { data } : {}),
  });
  const advance = (changes: Partial<Application>, entries: HistoryEntry[]): Application => ({
    ...current,
    ...changes,
    version: current.version + 1,
    history: [...current.history, ...entries],
    updatedAt: at,
  });

  switch (action.action) {
    case 'accept':
    case 'start':
    case 'approve':
    case 'reject':
    case 'withdraw':
    case 'discard':
    case 'request_information':
      return decideStatusAction(current, action, context, base, audit, advance);

    case 'assign': {
      const denied = checkAssignment(current, action.assigneeId, context);
      if (denied) return { ok: false, error: denied };
      return {
        ok: true,
        next: advance({ assigneeId: action.assigneeId }, [{ ...base, kind: 'assignment', assigneeId: action.assigneeId }]),
        audit: audit(current.status, { assigneeId: action.assigneeId }),
      };
    }

    case 'set_follow_up':
      return {
        ok: true,
        next: advance({ followUp: action.date }, [{ ...base, kind: 'follow_up', date: action.date }]),
        audit: audit(current.status, { followUp: action.date }),
      };

    case 'add_note':
      return { ok: true, next: advance({}, [{ ...base, kind: 'note', text: action.text }]), audit: audit(current.status) };

    case 'forward': {
      if (TERMINAL_STATUSES.has(current.status)) {
        return { ok: false, error: conflict('forward-not-allowed', `Application ${current.id} is ${current.status} and can no longer be forwarded.`, 'Abgeschlossene Anträge können nicht weitergeleitet werden.', { allowedActions: allowedStatusActions(current.status) }) };
      }
      if (action.targetAuthorityId === current.authorityId || !context.targetAuthorityExists) {
        return {
          ok: false,
          error: validationFailed(
            `Target authority ${action.targetAuthorityId} does not exist or is the current authority.`,
            [{ path: 'targetAuthorityId', message: 'Bitte wählen Sie eine andere, bestehende Behörde.' }],
          ),
        };
      }
      const forwarding: HistoryEntry = { ...base, kind: 'forwarding', fromAuthorityId: current.authorityId, toAuthorityId: action.targetAuthorityId, reason: action.reason };
      return {
        ok: true,
        next: advance({ authorityId: action.targetAuthorityId, assigneeId: null, followUp: null }, [forwarding]),
        audit: audit(current.status, { fromAuthorityId: current.authorityId, toAuthorityId: action.targetAuthorityId }),
      };
    }
  }
}

type StatusClerkAction = Extract<ClerkAction, { action: Exclude<StatusAction, 'citizen_reply'> }>;

function decideStatusAction(
  current: Application,
  action: StatusClerkAction,
  context: ActionContext,
  base: { id: string; at: string; actorId: string },
  audit: (newStatus: string) => AuditDetails,
  advance: (changes: Partial<Application>, entries: HistoryEntry[]) => Application,
): Decision<ProblemError> {
  const status = nextStatus(current.status, action.action);
  if (!status) {
    const allowed = allowedStatusActions(current.status).filter((name) => name !== 'citizen_reply');
    return {
      ok: false,
      error: conflict(
        'transition-not-allowed',
        `Action ${action.action} is not allowed for an application in status ${current.status}; allowed: ${allowed.join(', ') || 'none'}.`,
        `Im Status „${STATUS_LABELS_DE[current.status]}“ ist diese Aktion nicht möglich.`,
        { allowedActions: allowed },
      ),
    };
  }

  const citizenText = context.service?.statusTexts[status] ?? DEFAULT_CITIZEN_STATUS_TEXTS_DE[status];
  const entry: HistoryEntry = {
    ...base,
    kind: 'status',
    status,
    previousStatus: current.status,
    citizenText,
    internalNote: internalNoteOf(action),
    decision: action.action === 'approve' ? { text: action.decision, reasons: null }
      : action.action === 'reject' ? { text: action.decision, reasons: action.reasons }
        : null,
  };

  const entries: HistoryEntry[] = [entry];
  if (action.action === 'request_information') {
    entries.push({ ...base, id: randomUUID(), kind: 'message', direction: 'to_citizen', text: action.message });
  }

  return { ok: true, next: advance({ status, needsAttention: false }, entries), audit: audit(status) };
}

function internalNoteOf(action: StatusClerkAction): string | null {
  switch (action.action) {
    case 'discard':
      return action.internalReason;
    case 'accept':
    case 'start':
      return action.note?.trim() || null;
    case 'withdraw':
      return action.reason;
    default:
      return null;
  }
}

function checkAssignment(current: Application, assigneeId: string | null, context: ActionContext): ProblemError | null {
  const { actor } = context;
  const leads = actor.role === 'team_lead' || actor.role === 'admin';

  // A clerk takes work or hands it back; distributing it to others is the team lead's job.
  const selfService = assigneeId === actor.id || (assigneeId === null && current.assigneeId === actor.id);
  if (!leads && !selfService) {
    return forbidden(`Role ${actor.role} may assign applications only to itself.`, 'Nur die Teamleitung kann Anträge anderen zuweisen.');
  }

  if (assigneeId !== null && (!context.assignee || context.assignee.authorityId !== current.authorityId)) {
    return validationFailed(`User ${assigneeId} does not exist in authority ${current.authorityId}.`, [
      { path: 'assigneeId', message: 'Diese Person gibt es in Ihrer Behörde nicht.' },
    ]);
  }
  return null;
}
