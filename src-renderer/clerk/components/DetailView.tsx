// One application: overview, form data labelled from the service version it was filed with,
// attachments, messages and the status timeline, with the actions its status allows.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, type RefObject } from 'react';
import type { Application } from '../../../src-shared/api.ts';
import { berlinDate, formatDateDe, formatDateTimeDe } from '../../../src-shared/dates.ts';
import { CHANNEL_LABELS_DE } from '../../../src-shared/domain.ts';
import { STATUS_LABELS_DE } from '../../../src-shared/status.ts';
import { ACTION_SPECS, actionLabel, availableActions } from '../logic/action-forms.ts';
import { formatFileSize, viewerKind } from '../logic/attachment-viewer.ts';
import { describeFailure } from '../logic/errors.ts';
import { labelFormData } from '../logic/form-fields.ts';
import { buildTimeline } from '../logic/timeline.ts';
import { useApi, useApplication, usePendingActions, useService } from '../queries.ts';
import { useClerkUi } from '../store.ts';
import { Alert } from './Alert.tsx';
import { DeadlineBadge } from './DeadlineBadge.tsx';
import { useAuthorityName, useUserName } from './names.ts';

const BUTTON_STYLES = {
  primary: 'kern-btn--primary',
  secondary: 'kern-btn--secondary',
  danger: 'kern-btn--secondary clerk-btn--danger',
} as const;

export function DetailView({ applicationId }: { applicationId: string }) {
  const application = useApplication(applicationId);
  const closeApplication = useClerkUi((state) => state.closeApplication);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Focus moves to the heading so a screen reader announces the opened application.
  useEffect(() => headingRef.current?.focus(), [application.data?.id]);

  const back = (
    <button type="button" className="kern-btn kern-btn--tertiary" onClick={closeApplication}>
      <span className="kern-icon kern-icon--chevron-left" aria-hidden="true" />
      <span className="kern-label">Zurück zum Posteingang</span>
    </button>
  );

  if (application.isLoading) return <div className="clerk-detail">{back}<p className="kern-body" role="status">Antrag wird geladen …</p></div>;
  if (application.error) {
    return (
      <div className="clerk-detail">
        {back}
        <Alert kind="danger" title="Antrag nicht geladen" role="alert">
          <p className="kern-body">{describeFailure('Der Antrag konnte nicht geladen werden', application.error)}</p>
        </Alert>
      </div>
    );
  }
  if (!application.data) {
    return (
      <div className="clerk-detail">
        {back}
        <Alert kind="warning" title="Antrag nicht mehr im Posteingang" role="status">
          <p className="kern-body">Der Antrag wurde weitergeleitet oder ist nicht mehr für Ihre Behörde sichtbar. Kehren Sie zum Posteingang zurück.</p>
        </Alert>
      </div>
    );
  }

  return (
    <article className="clerk-detail" aria-labelledby="detail-heading">
      {back}
      <ApplicationDetail application={application.data} headingRef={headingRef} />
    </article>
  );
}

function ApplicationDetail({ application, headingRef }: { application: Application; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const api = useApi();
  const service = useService(application.serviceId, application.serviceVersion);
  const userName = useUserName();
  const authorityName = useAuthorityName();
  const openDialog = useClerkUi((state) => state.openDialog);
  const pushToast = useClerkUi((state) => state.pushToast);
  const today = berlinDate(new Date());

  const exportPdf = useMutation({
    mutationFn: () => api.exportPdf({ id: application.id }),
    onSuccess: (result) => {
      if (result.saved) pushToast({ kind: 'success', title: 'PDF gespeichert', text: `Der Antrag ${application.reference} wurde als PDF gespeichert.` });
    },
    onError: (error) => pushToast({ kind: 'danger', title: 'PDF-Export fehlgeschlagen', text: describeFailure('Das PDF konnte nicht erstellt werden', error) }),
  });
  const saveAttachment = useMutation({
    mutationFn: (attachmentId: string) => api.saveAttachmentAs({ applicationId: application.id, attachmentId }),
    onError: (error) => pushToast({ kind: 'danger', title: 'Speichern fehlgeschlagen', text: describeFailure('Die Anlage konnte nicht gespeichert werden', error) }),
  });

  // Every action names the version it is based on, so a second action queued on the same version
  // would end as a conflict. The buttons wait until the portal has taken the first one.
  const pendingActions = usePendingActions();
  const pendingHere = (pendingActions.data ?? []).filter((pending) => pending.applicationId === application.id);
  const waiting = pendingHere.length > 0;

  const sections = labelFormData(application.formData, service.data ?? null);
  const timeline = buildTimeline(application.history, userName, authorityName);
  const messages = application.history.filter((entry) => entry.kind === 'message');

  return (
    <>
      <header className="clerk-detail__header">
        <p className="kern-preline">{application.serviceName}</p>
        <h1 className="kern-heading-medium" id="detail-heading" ref={headingRef} tabIndex={-1}>Antrag {application.reference}</h1>
        <p className="kern-body">
          <span className="kern-badge kern-badge--info">{STATUS_LABELS_DE[application.status]}</span>
          {application.needsAttention && <span className="kern-badge kern-badge--warning clerk-badge-inline">Neue Antwort der Antragstellerin / des Antragstellers</span>}
        </p>
      </header>

      <section aria-labelledby="actions-heading" className="clerk-detail__actions">
        <h2 className="kern-heading-small" id="actions-heading">Aktionen</h2>
        {waiting && (
          <p className="kern-body" role="status" id="pending-note">
            Noch nicht an das Portal übertragen: {pendingHere.map((pending) => actionLabel(pending.action)).join(', ')}.
            Weitere Aktionen sind möglich, sobald das Portal sie übernommen hat.
          </p>
        )}
        <div className="clerk-actions">
          {availableActions(application.status).map((action) => {
            const spec = ACTION_SPECS[action];
            const style = BUTTON_STYLES[spec.tone];
            return (
              <button key={action} type="button" className={`kern-btn ${style}`} disabled={waiting} aria-describedby={waiting ? 'pending-note' : undefined}
                onClick={() => openDialog({ kind: 'action', action, applicationId: application.id })}>
                <span className="kern-label">{spec.title}</span>
              </button>
            );
          })}
          <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => exportPdf.mutate()} disabled={exportPdf.isPending}>
            <span className="kern-icon kern-icon--download" aria-hidden="true" />
            <span className="kern-label">Als PDF exportieren</span>
          </button>
        </div>
      </section>

      <section aria-labelledby="overview-heading">
        <h2 className="kern-heading-small" id="overview-heading">Überblick</h2>
        <dl className="kern-description-list">
          <Item label="Antragsteller:in" value={application.applicantName} />
          <Item label="E-Mail" value={application.applicantEmail ?? 'keine angegeben'} />
          <Item label="Eingangskanal" value={CHANNEL_LABELS_DE[application.channel]} />
          <Item label="Eingegangen" value={formatDateTimeDe(application.receivedAt)} />
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">Frist</dt>
            <dd className="kern-description-list-item__value"><DeadlineBadge deadline={application.deadline} status={application.status} today={today} /></dd>
          </div>
          <Item label="Zuständig" value={userName(application.assigneeId)} />
          <Item label="Wiedervorlage" value={application.followUp ? formatDateDe(application.followUp) : 'keine'} />
          <Item label="Behörde" value={authorityName(application.authorityId)} />
          <Item label="Formularversion" value={`${application.serviceVersion}`} />
        </dl>
      </section>

      <section aria-labelledby="form-heading">
        <h2 className="kern-heading-small" id="form-heading">Angaben im Antrag</h2>
        {!service.isLoading && !service.data && (
          <p className="kern-body kern-body--muted">Die Formularbeschriftungen dieser Version sind nicht verfügbar; die Felder stehen unter ihrem technischen Namen.</p>
        )}
        {sections.map((section) => (
          <div key={section.title} className="clerk-form-section">
            <h3 className="kern-title">{section.title}</h3>
            <dl className="kern-description-list">
              {section.fields.map((field) => <Item key={field.path} label={field.label} value={field.value} />)}
            </dl>
          </div>
        ))}
      </section>

      <section aria-labelledby="attachments-heading">
        <h2 className="kern-heading-small" id="attachments-heading">Anlagen</h2>
        {application.attachments.length === 0 && <p className="kern-body">Keine Anlagen.</p>}
        <ul className="kern-list clerk-attachments">
          {application.attachments.map((attachment) => (
            <li key={attachment.id} className="clerk-attachment">
              <span className="kern-body">{attachment.fileName} <span className="kern-body--muted">({formatFileSize(attachment.size)}{attachment.messageId ? ', mit einer Antwort eingereicht' : ''})</span></span>
              {viewerKind(attachment.mediaType) !== 'none' && (
                <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" aria-label={`${attachment.fileName} ansehen`}
                  onClick={() => openDialog({ kind: 'attachment', applicationId: application.id, attachmentId: attachment.id })}>
                  <span className="kern-icon kern-icon--visibility" aria-hidden="true" />
                  <span className="kern-label">Ansehen</span>
                </button>
              )}
              <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" aria-label={`${attachment.fileName} speichern unter`}
                onClick={() => saveAttachment.mutate(attachment.id)}>
                <span className="kern-icon kern-icon--download" aria-hidden="true" />
                <span className="kern-label">Speichern unter</span>
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="messages-heading">
        <h2 className="kern-heading-small" id="messages-heading">Nachrichten</h2>
        {messages.length === 0 && <p className="kern-body">Noch keine Nachrichten.</p>}
        <ol className="clerk-messages">
          {messages.map((message) => (
            <li key={message.id} className={`clerk-message clerk-message--${message.direction}`}>
              <p className="kern-body kern-body--small">{message.direction === 'to_citizen' ? 'An Antragsteller:in' : 'Von Antragsteller:in'}, {formatDateTimeDe(message.at)}</p>
              <p className="kern-body clerk-pre">{message.text}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 className="kern-heading-small" id="timeline-heading">Verlauf</h2>
        <ol className="clerk-timeline">
          {timeline.map((item) => (
            <li key={item.id} className={`clerk-timeline__item${item.internal ? ' clerk-timeline__item--internal' : ''}`}>
              <p className="kern-body kern-body--bold">
                {item.title}
                {item.internal && <span className="kern-badge kern-badge--warning kern-badge--small clerk-badge-inline">intern</span>}
              </p>
              <p className="kern-body kern-body--small">{formatDateTimeDe(item.at)} · {item.actor}</p>
              {item.texts.map((text) => (
                <div key={text.label} className={text.internal ? 'clerk-internal-text' : 'clerk-citizen-text'}>
                  <p className="kern-body kern-body--small kern-body--bold">{text.label}{text.internal ? ' (intern, nicht für Antragsteller:in sichtbar)' : ''}</p>
                  <p className="kern-body clerk-pre">{text.text}</p>
                </div>
              ))}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function Item({ label, value }: { label: string; value: string }) {
  return (
    <div className="kern-description-list-item">
      <dt className="kern-description-list-item__key">{label}</dt>
      <dd className="kern-description-list-item__value">{value}</dd>
    </div>
  );
}
