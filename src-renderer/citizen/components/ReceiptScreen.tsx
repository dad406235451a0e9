// Receipt screen (Eingangsbestätigung) after submitting. The kiosk offers "Beleg drucken" and
// "Fertig"; the web offers the status page and a new application.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { buildReceiptView } from '../receipt/format.ts';
import { Alert } from './Alert.tsx';
import { useCitizen, useHost, useT } from './context.tsx';
import { serviceQueryKey } from './Wizard.tsx';

export function ReceiptScreen() {
  const t = useT();
  const { backend, statusPageBaseUrl } = useHost();
  const queryClient = useQueryClient();
  const locale = useCitizen((state) => state.locale);
  const outcome = useCitizen((state) => state.outcome);
  const attachments = useCitizen((state) => state.attachments);
  const serviceId = useCitizen((state) => state.serviceId);
  const serviceVersion = useCitizen((state) => state.serviceVersion);
  const reset = useCitizen((state) => state.reset);
  const backToPicker = useCitizen((state) => state.backToPicker);
  const [printState, setPrintState] = useState<'idle' | 'printing' | 'failed'>('idle');
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The service is in the query cache from the wizard; it names the service of a queued application.
  const service = useQuery({
    queryKey: serviceQueryKey(serviceId ?? '', serviceVersion ?? 0),
    queryFn: () => backend.getService(serviceId ?? '', serviceVersion ?? undefined),
    enabled: serviceId !== null && outcome?.kind === 'queued',
  });

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  if (!outcome) return null;

  const documentLabels = new Map((service.data?.documents ?? []).map((document) => [document.id, document.label]));
  const view = buildReceiptView(outcome, locale, t, {
    serviceName: service.data?.name ?? '',
    documents: attachments.map((file) => ({ label: documentLabels.get(file.documentId) ?? file.documentId, fileName: file.fileName })),
  });

  const print = async () => {
    setPrintState('printing');
    try {
      await backend.printReceipt?.(outcome, locale);
      setPrintState('idle');
    } catch {
      setPrintState('failed');
    }
  };

  const finish = async () => {
    // The next citizen must find nothing of this one: store, cached queries and the host session.
    reset();
    queryClient.clear();
    await backend.endSession?.();
  };

  const statusUrl = view.statusPath !== null && statusPageBaseUrl !== undefined ? new URL(view.statusPath, statusPageBaseUrl).toString() : null;

  return (
    <section className="citizen-stack" aria-labelledby="receipt-heading">
      <hgroup className="citizen-heading-group citizen-receipt-heading">
        <span className="kern-icon kern-icon--success kern-icon--x-large" aria-hidden="true" />
        <h1 id="receipt-heading" className="kern-heading-large" tabIndex={-1} ref={headingRef}>{view.heading}</h1>
        <p className="kern-body kern-body--large">{view.intro}</p>
      </hgroup>

      <dl className="kern-description-list citizen-receipt">
        {view.rows.map((row) => (
          <div key={row.id} className="kern-description-list-item" data-receipt-row={row.id}>
            <dt className="kern-description-list-item__key">{row.label}</dt>
            <dd className={`kern-description-list-item__value ${row.id === 'reference' || row.id === 'accessCode' || row.id === 'localReference' ? 'citizen-receipt__code' : ''}`}>
              {row.lines.map((line, index) => (
                <span key={index} className="citizen-receipt__line" dir={row.id === 'accessCode' || row.id === 'reference' ? 'ltr' : undefined}>{line}</span>
              ))}
            </dd>
          </div>
        ))}
      </dl>
      {outcome.kind === 'receipt' && <p className="kern-body">{t('receipt.accessCodeNote')}</p>}

      <section aria-labelledby="next-steps-heading">
        <h2 id="next-steps-heading" className="kern-heading-small">{t('receipt.nextSteps')}</h2>
        <p className="kern-body" lang={outcome.kind === 'receipt' ? 'de' : undefined}>{view.nextSteps}</p>
        {outcome.kind === 'receipt' && locale !== 'de' && <p className="kern-body kern-body--muted">{t('app.germanOnly')}</p>}
      </section>

      {statusUrl && (
        <p className="kern-body">
          <a className="kern-link" href={statusUrl}>{t('receipt.statusLink')}</a>
        </p>
      )}

      {printState === 'printing' && <p className="kern-body" role="status">{t('receipt.printing')}</p>}
      {printState === 'failed' && <Alert kind="danger" role="alert" title={t('receipt.printFailed')} />}

      <div className="citizen-actions">
        {backend.printReceipt && (
          <button type="button" className="kern-btn kern-btn--secondary" onClick={() => void print()} disabled={printState === 'printing'}>
            {/* On the web the browser's print dialog also saves the receipt as a PDF. */}
            <span className="kern-label">{t(backend.endSession ? 'receipt.print' : 'receipt.printOrSave')}</span>
          </button>
        )}
        {backend.endSession ? (
          <button type="button" className="kern-btn kern-btn--primary" onClick={() => void finish()}>
            <span className="kern-label">{t('receipt.finish')}</span>
          </button>
        ) : (
          <button type="button" className="kern-btn kern-btn--primary" onClick={backToPicker}>
            <span className="kern-label">{t('receipt.newApplication')}</span>
          </button>
        )}
      </div>
    </section>
  );
}
