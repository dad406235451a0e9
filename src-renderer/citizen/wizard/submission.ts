// Builds the request the citizen app sends from the draft.
import type { Channel, Service, SubmitApplicationRequest } from '../../../src-shared/index.ts';
import { pruneHiddenValues } from '../../../src-shared/forms/conditions.ts';
import type { AttachedFile } from '../store.ts';

export interface SubmissionDraft {
  formData: Record<string, unknown>;
  attachments: AttachedFile[];
  locale: string;
}

export function buildSubmitRequest(service: Service, channel: Channel, draft: SubmissionDraft): SubmitApplicationRequest {
  return {
    serviceId: service.id,
    serviceVersion: service.version,
    channel,
    // Values of fields that are hidden now are dropped: the portal rejects them, and the citizen
    // did not mean to send them.
    formData: pruneHiddenValues(service.formSchema, draft.formData),
    attachments: draft.attachments.map(({ documentId, fileName, mediaType, contentBase64 }) => ({ documentId, fileName, mediaType, contentBase64 })),
    locale: draft.locale,
  };
}
