// The status of one application: current step, history with the citizen texts, and the messages
// exchanged with the authority. The print view of this page is the Eingangsbestätigung.
import { formatApplicationFeeDe, type CitizenStatusView } from '../../src-shared/index.ts';
import { currentStepIndex, formatDateTime, progressSteps } from './texts.ts';

export function StatusDetails({ view }: { view: CitizenStatusView }) {
  const steps = progressSteps(view.status);
  const current = currentStepIndex(view.status);
  const latest = view.history[view.history.length - 1];

  return (
    <>
      <p className="kern-body status-print-only">
        Eingangsbestätigung: Ihr Antrag ist am {formatDateTime(view.receivedAt)} bei uns eingegangen.
      </p>

      <dl className="kern-description-list">
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">Vorgangsnummer</dt>
          <dd className="kern-description-list-item__value" data-testid="reference">{view.reference}</dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">Leistung</dt>
          <dd className="kern-description-list-item__value">{view.serviceName}</dd>
        </div>
        {view.fee && (
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">Gebühr</dt>
            <dd className="kern-description-list-item__value" data-testid="fee">{formatApplicationFeeDe(view.fee)}</dd>
          </div>
        )}
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">Zuständige Behörde</dt>
          <dd className="kern-description-list-item__value">{view.authorityName}</dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">Eingegangen am</dt>
          <dd className="kern-description-list-item__value">{formatDateTime(view.receivedAt)}</dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">Aktueller Stand</dt>
          <dd className="kern-description-list-item__value" data-testid="current-status">{view.statusLabel}</dd>
        </div>
      </dl>
      {latest && <p className="kern-body kern-body--large" data-testid="current-text">{latest.text}</p>}

      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading" className="kern-heading-small">Bearbeitungsschritte</h2>
        <ol className="status-steps">
          {steps.map((step, index) => (
            <li
              key={step.id}
              className={`status-steps__step ${index < current ? 'status-steps__step--done' : ''} ${index === current ? 'status-steps__step--current' : ''}`}
              aria-current={index === current ? 'step' : undefined}
            >
              <span className="kern-body">{step.label}</span>
              <span className="kern-sr-only">{stepState(index, current)}</span>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="kern-heading-small">Verlauf</h2>
        <ol className="status-history" data-testid="history">
          {[...view.history].reverse().map((entry, index) => (
            <li key={`${entry.at}-${index}`} className="status-history__entry">
              <p className="kern-body kern-body--bold">{entry.label}</p>
              <p className="kern-body kern-body--small kern-body--muted"><time dateTime={entry.at}>{formatDateTime(entry.at)}</time></p>
              {entry.text && <p className="kern-body">{entry.text}</p>}
            </li>
          ))}
        </ol>
      </section>

      {view.messages.length > 0 && (
        <section aria-labelledby="messages-heading" className="status-no-print">
          <h2 id="messages-heading" className="kern-heading-small">Nachrichten</h2>
          <ol className="status-history" data-testid="messages">
            {view.messages.map((message) => (
              <li key={message.id} className={`status-history__entry status-message status-message--${message.direction}`}>
                <p className="kern-body kern-body--bold">{message.direction === 'to_citizen' ? 'Rückfrage der Behörde' : 'Ihre Antwort'}</p>
                <p className="kern-body kern-body--small kern-body--muted"><time dateTime={message.at}>{formatDateTime(message.at)}</time></p>
                <p className="kern-body status-message__text">{message.text}</p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

/** The screen-reader suffix of a progress step. */
function stepState(index: number, current: number): string {
  if (index < current) return ' (erledigt)';
  if (index === current) return ' (aktueller Schritt)';
  return ' (noch offen)';
}
