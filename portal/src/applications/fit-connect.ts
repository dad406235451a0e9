// Export of an application in the shape of a FIT-Connect submission (metadata schema 1.0.0): the
// metadata describe the form data (SHA-512 of its JSON text and the schema URI of the form
// version) and every attachment (SHA-512, purpose, MIME type), name the service by its LeiKa URN
// and carry the reference number as the sender's reference.
import { createHash } from 'node:crypto';
import type { Application, FitConnectExport, Service } from '../../../src-shared/index.ts';
import { API_PREFIX, berlinDate } from '../../../src-shared/index.ts';
import { REPLY_DOCUMENT } from '../intake/attachments.ts';

export const FIT_CONNECT_METADATA_SCHEMA = 'https://schema.fitko.de/fit-connect/metadata/1.0.0/metadata.schema.json';

/** URL of the JSON Schema of one form version, as the catalog route serves it. */
export function formSchemaUrl(publicUrl: string, serviceId: string, version: number): string {
  return `${publicUrl}${API_PREFIX}/catalog/services/${encodeURIComponent(serviceId)}/versions/${version}/schema`;
}

export function buildFitConnectExport(application: Application, service: Service | null, publicUrl: string): FitConnectExport {
  const data = JSON.stringify(application.formData);
  const labels = new Map((service?.documents ?? []).map((document) => [document.id, document.label]));
  labels.set(REPLY_DOCUMENT.id, REPLY_DOCUMENT.label);

  const metadata = {
    $schema: FIT_CONNECT_METADATA_SCHEMA,
    contentStructure: {
      data: {
        hash: { type: 'sha512', content: sha512Hex(data) },
        submissionSchema: { schemaUri: formSchemaUrl(publicUrl, application.serviceId, application.serviceVersion), mimeType: 'application/json' },
      },
      attachments: application.attachments.map((attachment) => ({
        attachmentId: attachment.id,
        hash: { type: 'sha512', content: attachment.sha512 },
        purpose: 'attachment',
        filename: attachment.fileName,
        description: labels.get(attachment.documentId) ?? attachment.documentId,
        mimeType: attachment.mediaType,
      })),
    },
    publicServiceType: {
      identifier: application.serviceId,
      name: application.serviceName,
    },
    additionalReferenceInfo: {
      senderReference: application.reference,
      applicationDate: berlinDate(new Date(application.receivedAt)),
    },
    ...(application.applicantEmail ? { replyChannel: { eMail: { address: application.applicantEmail } } } : {}),
  };

  return {
    metadata,
    data,
    attachments: application.attachments.map((attachment) => ({
      attachmentId: attachment.id,
      fileName: attachment.fileName,
      mimeType: attachment.mediaType,
      downloadPath: `${API_PREFIX}/clerk/applications/${application.id}/attachments/${attachment.id}`,
    })),
  };
}

function sha512Hex(text: string): string {
  return createHash('sha512').update(text, 'utf8').digest('hex');
}
