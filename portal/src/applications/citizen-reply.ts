// A citizen's answer to a Rückfrage: the `citizen_reply` transition, a message from the citizen,
// the checked files linked to that message, and the flag that puts it back in the clerk's inbox.
import { randomUUID } from 'node:crypto';
import type { Application, HistoryEntry, Service } from '../../../src-shared/index.ts';
import { DEFAULT_CITIZEN_STATUS_TEXTS_DE, nextStatus } from '../../../src-shared/index.ts';
import type { ProblemError } from '../http/problem.ts';
import { conflict } from '../http/problem.ts';
import type { CheckedAttachment } from '../intake/attachments.ts';
import type { Decision } from '../store/store.ts';

export interface CitizenReply {
  text: string;
  files: CheckedAttachment[];
  now: Date;
  /** The service version the application was filed with, for its citizen status texts. */
  service: Service | null;
}

export function decideCitizenReply(current: Application, reply: CitizenReply): Decision<ProblemError> {
  const status = nextStatus(current.status, 'citizen_reply');
  if (!status) {
    return {
      ok: false,
      error: conflict(
        'no-open-question',
        `Application ${current.id} is in status ${current.status}; a citizen reply needs status action_required.`,
        'Zu diesem Antrag ist keine Rückfrage offen. Ihre Antwort wurde deshalb nicht gesendet.',
        { allowedActions: [] },
      ),
    };
  }

  const at = reply.now.toISOString();
  const messageId = randomUUID();
  const files = reply.files.map((file) => ({ ...file, id: randomUUID() }));

  const entries: HistoryEntry[] = [
    { kind: 'message', id: messageId, at, actorId: 'citizen', direction: 'from_citizen', text: reply.text },
    {
      kind: 'status', id: randomUUID(), at, actorId: 'citizen', status, previousStatus: current.status,
      citizenText: reply.service?.statusTexts[status] ?? DEFAULT_CITIZEN_STATUS_TEXTS_DE[status], internalNote: null, decision: null,
    },
  ];

  const next: Application = {
    ...current,
    status,
    version: current.version + 1,
    needsAttention: true,
    attachments: [
      ...current.attachments,
      ...files.map((file) => ({
        id: file.id, documentId: file.documentId, fileName: file.fileName, mediaType: file.mediaType,
        size: file.size, sha512: file.sha512, messageId,
      })),
    ],
    history: [...current.history, ...entries],
    updatedAt: at,
  };

  return {
    ok: true,
    next,
    audit: { at, actorId: 'citizen', action: 'citizen_reply', oldStatus: current.status, newStatus: status, data: { messageId, files: files.length } },
    attachments: files.map((file) => ({ id: file.id, sha512: file.sha512, content: file.bytes })),
  };
}
