// Intake of applications from the web, kiosks and assisted filing: validation, routing,
// reference number, access code and the receipt. The store commits each idempotency key once and
// returns the stored receipt when the key comes again.
import { randomUUID } from 'node:crypto';
import type { Application, Authority, Receipt, Service, SubmitApplicationRequest } from '../../../src-shared/index.ts';
import { addCalendarDays, applicationFee, berlinDate, DEFAULT_CITIZEN_STATUS_TEXTS_DE, Receipt as ReceiptSchema } from '../../../src-shared/index.ts';
import { getAtPath } from '../../../src-shared/forms/paths.ts';
import type { ProblemError} from '../http/problem.ts';
import { conflict, unprocessable, validationFailed } from '../http/problem.ts';
import { checkAttachments } from '../intake/attachments.ts';
import type { FormValidator } from '../intake/form-validation.ts';
import type { PortalSecrets } from '../security/secrets.ts';
import type { PortalStore } from '../store/store.ts';
import { deriveAccessCode, hashAccessCode } from './access-code.ts';
import { applicantOf } from './applicant.ts';
import { requestHash } from './canonical-json.ts';
import { routeApplication } from './routing.ts';

/** Submitter of an application: a citizen online, a kiosk device, or a clerk filing on a citizen's behalf. */
export type Submitter =
  | { kind: 'citizen' }
  | { kind: 'kiosk'; deviceId: string }
  | { kind: 'clerk'; userId: string };

export interface IntakeDependencies {
  store: PortalStore;
  validator: FormValidator;
  secrets: PortalSecrets;
  now?: () => Date;
}

export interface IntakeResult {
  receipt: Receipt;
  application: Application | null;
  replayed: boolean;
}

type ParsedRequest = Omit<SubmitApplicationRequest, 'attachments'> & { attachments: NonNullable<SubmitApplicationRequest['attachments']> };

export async function submitApplication(
  deps: IntakeDependencies,
  request: ParsedRequest,
  idempotencyKey: string,
  submitter: Submitter,
): Promise<IntakeResult> {
  const claim = { scope: idempotencyScope(submitter), key: idempotencyKey, requestHash: requestHash(request) };

  const service = await deps.store.getService(request.serviceId, request.serviceVersion);
  if (!service) {
    throw validationFailed(
      `Service ${request.serviceId} version ${request.serviceVersion} does not exist.`,
      [{ path: 'serviceId', message: 'Diese Leistung oder Formularversion gibt es nicht (mehr). Bitte laden Sie das Formular neu.' }],
    );
  }

  const form = deps.validator.validate(service, request.formData);
  if (!form.ok) {
    throw validationFailed(`Form data of ${service.id} v${service.version} failed validation (${form.errors.length} errors).`, form.errors);
  }

  const attachments = checkAttachments(service.documents, request.attachments);
  if (!attachments.ok) {
    throw validationFailed(`Attachments for ${service.id} failed the checks (${attachments.errors.length} errors).`, attachments.errors);
  }

  const authority = await responsibleAuthority(deps.store, service, form.data);
  const now = (deps.now ?? (() => new Date()))();
  const receivedAt = now.toISOString();
  const applicationId = randomUUID();
  const accessCode = deriveAccessCode(deps.secrets, applicationId);
  const submittedBy = submitterActor(submitter);

  const storedFiles = attachments.files.map((file) => ({ ...file, id: randomUUID() }));

  const result = await deps.store.insertApplication(
    {
      referencePrefix: authority.referencePrefix,
      year: Number(berlinDate(now).slice(0, 4)),
      accessCodeHash: hashAccessCode(deps.secrets, accessCode),
      attachments: storedFiles.map((file) => ({ id: file.id, sha512: file.sha512, content: file.bytes })),
      audit: { at: receivedAt, actorId: submittedBy, action: 'submit', oldStatus: null, newStatus: 'submitted', data: { channel: request.channel } },
      build: (reference) => ({
        id: applicationId,
        reference,
        version: 1,
        authorityId: authority.id,
        serviceId: service.id,
        serviceVersion: service.version,
        serviceName: service.name,
        channel: request.channel,
        status: 'submitted',
        receivedAt,
        deadline: addCalendarDays(berlinDate(now), service.deadlineDays),
        ...applicantOf(form.data),
        placeArs: String(getAtPath(form.data, service.routingField)),
        assigneeId: null,
        followUp: null,
        needsAttention: false,
        recordedBy: submitter.kind === 'citizen' ? null : submittedBy,
        formData: form.data,
        attachments: storedFiles.map((file) => ({
          id: file.id, documentId: file.documentId, fileName: file.fileName, mediaType: file.mediaType,
          size: file.size, sha512: file.sha512, messageId: null,
        })),
        history: [{
          kind: 'status', id: randomUUID(), at: receivedAt, actorId: submittedBy, status: 'submitted', previousStatus: null,
          citizenText: service.statusTexts.submitted ?? DEFAULT_CITIZEN_STATUS_TEXTS_DE.submitted, internalNote: null, decision: null,
        }],
        updatedAt: receivedAt,
      }),
    },
    claim,
    (application) => JSON.stringify(buildReceipt(application, service, authority, '')),
  );

  switch (result.kind) {
    case 'created':
      return { receipt: buildReceipt(result.application, service, authority, accessCode), application: result.application, replayed: false };
    case 'replayed': {
      // The stored receipt has no access code; it is derived again from the application id.
      const stored = ReceiptSchema.parse({ ...JSON.parse(result.response), accessCode: 'pending' });
      return { receipt: { ...stored, accessCode: deriveAccessCode(deps.secrets, stored.applicationId) }, application: null, replayed: true };
    }
    case 'key_reused':
      throw idempotencyKeyReused();
  }
}

export function idempotencyKeyReused(): ProblemError {
  return conflict(
    'idempotency-key-reused',
    'The Idempotency-Key was already used with a different request body.',
    'Diese Anfrage wurde bereits mit anderen Daten gesendet. Bitte starten Sie den Vorgang neu.',
  );
}

function idempotencyScope(submitter: Submitter): string {
  switch (submitter.kind) {
    case 'citizen':
      return 'intake:online';
    case 'kiosk':
      return `intake:kiosk:${submitter.deviceId}`;
    case 'clerk':
      return `intake:clerk:${submitter.userId}`;
  }
}

function submitterActor(submitter: Submitter): string {
  switch (submitter.kind) {
    case 'citizen':
      return 'citizen';
    case 'kiosk':
      return `kiosk:${submitter.deviceId}`;
    case 'clerk':
      return submitter.userId;
  }
}

async function responsibleAuthority(store: PortalStore, service: Service, formData: Record<string, unknown>): Promise<Authority> {
  const ars = getAtPath(formData, service.routingField);
  const place = typeof ars === 'string' ? await store.getPlace(ars) : null;
  const authorities = new Map((await store.listAuthorities()).map((authority) => [authority.id, authority]));

  const routing = routeApplication(service, place, authorities);
  if (routing.ok) return routing.authority;

  const placeText = place ? `${place.name} (${place.ars})` : `ARS ${String(ars)}`;
  throw unprocessable(
    'no-responsible-authority',
    'No responsible authority',
    `No authority is responsible for service ${service.id} (${service.name}) at ${placeText}.`,
    `Für „${service.name}“ ist für den Ort ${place ? place.name : 'der Angabe'} keine Behörde in diesem Portal zuständig. ` +
      'Bitte wenden Sie sich an Ihre Gemeinde- oder Kreisverwaltung.',
  );
}

function buildReceipt(application: Application, service: Service, authority: Authority, accessCode: string): Receipt {
  return {
    applicationId: application.id,
    reference: application.reference,
    accessCode,
    receivedAt: application.receivedAt,
    channel: application.channel,
    service: { id: service.id, version: service.version, name: service.name },
    authority: { id: authority.id, name: authority.name, address: authority.address },
    documents: application.attachments.map((file) => ({
      documentId: file.documentId,
      label: service.documents.find((document) => document.id === file.documentId)?.label ?? file.documentId,
      fileName: file.fileName,
    })),
    statusPath: `/status?ref=${encodeURIComponent(application.reference)}`,
    fee: applicationFee(service, application.formData),
    nextSteps:
      `Bewahren Sie Vorgangsnummer und Zugangscode gut auf. Damit sehen Sie auf der Statusseite, wie weit Ihr Antrag ist. ` +
      `Die Bearbeitung dauert in der Regel bis zu ${service.deadlineDays} Tage. Bei Rückfragen meldet sich die zuständige Behörde bei Ihnen: ${authority.name}.`,
  };
}
