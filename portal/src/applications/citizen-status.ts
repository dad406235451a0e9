// What a citizen sees of their application: status history with citizen texts and the messages
// exchanged, never internal notes, assignees or discarded states.
import type { Application, CitizenStatusView, Service } from '../../../src-shared/index.ts';
import { applicationFee, STATUS_LABELS_DE, STATUS_ZBP_STATE } from '../../../src-shared/index.ts';

/** Builds the citizen's view; `service` is the version the application was filed with, for its fee. */
export function citizenView(application: Application, authorityName: string, service: Service | null): CitizenStatusView {
  const history = application.history.flatMap((entry) =>
    entry.kind === 'status' && entry.status !== 'discarded'
      ? [{ at: entry.at, status: entry.status, label: STATUS_LABELS_DE[entry.status], text: entry.citizenText }]
      : [],
  );
  const messages = application.history.flatMap((entry) =>
    entry.kind === 'message' ? [{ id: entry.id, at: entry.at, direction: entry.direction, text: entry.text }] : [],
  );

  // A discarded application (duplicate or spam) keeps showing its last visible status.
  const visible = history[history.length - 1]!;
  return {
    reference: application.reference,
    serviceName: application.serviceName,
    authorityName,
    receivedAt: application.receivedAt,
    status: visible.status,
    statusLabel: visible.label,
    zbpState: STATUS_ZBP_STATE[visible.status],
    history,
    messages,
    replyPossible: application.status === 'action_required',
    ...(service ? { fee: applicationFee(service, application.formData) } : {}),
  };
}
