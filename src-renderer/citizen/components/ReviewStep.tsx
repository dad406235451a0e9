// Review page: every answer with its label, the documents, the privacy notice the citizen confirms,
// and the submit button.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type RefObject } from 'react';
import { applicationFee, type Service } from '../../../src-shared/index.ts';
import { BackendUnavailableError, ProblemError } from '../backend.ts';
import { formatApplicationFee } from '../i18n/service-texts.ts';
import { buildReviewSections } from '../wizard/answers.ts';
import { mapFieldErrors, NO_ERRORS, type FormErrors } from '../wizard/errors.ts';
import { DOCUMENTS_STEP_ID, type WizardStep } from '../wizard/steps.ts';
import { buildSubmitRequest } from '../wizard/submission.ts';
import { Alert } from './Alert.tsx';
import { useCitizen, useHost, useT } from './context.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import { PLACES_QUERY_KEY } from './FieldControl.tsx';

const PRIVACY_CHECKBOX_ID = 'privacy-confirmation';

export interface ReviewStepProps {
  service: Service;
  steps: WizardStep[];
  onEditStep: (stepId: string) => void;
  onServerErrors: (errors: FormErrors) => void;
  onBack: () => void;
  summaryRef: RefObject<HTMLDivElement | null>;
}

export function ReviewStep({ service, steps, onEditStep, onServerErrors, onBack, summaryRef }: ReviewStepProps) {
  const t = useT();
  const { backend, channel } = useHost();
  const locale = useCitizen((state) => state.locale);
  const formData = useCitizen((state) => state.formData);
  const attachments = useCitizen((state) => state.attachments);
  const privacyConfirmed = useCitizen((state) => state.privacyConfirmed);
  const errors = useCitizen((state) => state.errors);
  const setPrivacyConfirmed = useCitizen((state) => state.setPrivacyConfirmed);
  const setErrors = useCitizen((state) => state.setErrors);
  const ensureIdempotencyKey = useCitizen((state) => state.ensureIdempotencyKey);
  const finishSubmission = useCitizen((state) => state.finishSubmission);
  const [privacyMissing, setPrivacyMissing] = useState(false);
  const [sendFailure, setSendFailure] = useState<string | null>(null);
  const [uploadShare, setUploadShare] = useState<number | null>(null);

  const places = useQuery({ queryKey: PLACES_QUERY_KEY, queryFn: () => backend.listPlaces() });
  const sections = buildReviewSections(service, steps, formData, places.data ?? [], locale, t);
  const fee = applicationFee(service, formData);

  const submission = useMutation({
    mutationFn: () => {
      setUploadShare(null);
      return backend.submit(buildSubmitRequest(service, channel, { formData, attachments, locale }), ensureIdempotencyKey(), setUploadShare);
    },
    onSuccess: (outcome) => finishSubmission(outcome),
    onError: (error) => {
      if (error instanceof ProblemError) {
        // Field errors open the step that shows them; messages without a field stay here.
        setSendFailure(error.problem.userMessage ?? t('errors.submitRejected'));
        onServerErrors(mapFieldErrors(error.problem.errors ?? [], steps));
        return;
      }
      setErrors(NO_ERRORS);
      setSendFailure(error instanceof BackendUnavailableError ? t('errors.submitOffline') : t('errors.submitFailed'));
    },
  });

  const submit = () => {
    setSendFailure(null);
    if (!privacyConfirmed) {
      setPrivacyMissing(true);
      setErrors({ ...NO_ERRORS });
      return;
    }
    submission.mutate();
  };

  const documentsEditable = steps.some((step) => step.id === DOCUMENTS_STEP_ID);

  return (
    <div className="citizen-stack">
      <ErrorSummary
        ref={summaryRef}
        errors={errors}
        fieldPaths={[]}
        labels={new Map()}
        showDocuments={false}
        extra={privacyMissing && !privacyConfirmed ? [{ targetId: PRIVACY_CHECKBOX_ID, message: t('privacy.confirmMissing') }] : []}
        serverNote={locale !== 'de' && errors.fromServer ? t('errors.serverGermanNote') : undefined}
      />
      {sendFailure && (
        <Alert kind="danger" title={sendFailure} role="alert" />
      )}

      <p className="kern-body">{t('review.intro')}</p>

      {sections.map((section) => (
        <section key={section.stepId} className="citizen-review-section" aria-labelledby={`review-${section.stepId}`}>
          <div className="citizen-review-section__header">
            <h2 id={`review-${section.stepId}`} className="kern-heading-small" lang="de">{section.title}</h2>
            <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => onEditStep(section.stepId)} aria-label={t('review.changeStep', { step: section.title })}>
              <span className="kern-icon kern-icon--edit" aria-hidden="true" />
              <span className="kern-label">{t('review.change')}</span>
            </button>
          </div>
          <dl className="kern-description-list">
            {section.answers.map((answer) => (
              <div key={answer.path} className="kern-description-list-item">
                <dt className="kern-description-list-item__key" lang="de">{answer.label}</dt>
                <dd className="kern-description-list-item__value">{answer.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}

      {service.documents.length > 0 && (
        <section className="citizen-review-section" aria-labelledby="review-documents">
          <div className="citizen-review-section__header">
            <h2 id="review-documents" className="kern-heading-small">{t('documents.heading')}</h2>
            {documentsEditable && (
              <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => onEditStep(DOCUMENTS_STEP_ID)} aria-label={t('review.changeStep', { step: t('documents.heading') })}>
                <span className="kern-icon kern-icon--edit" aria-hidden="true" />
                <span className="kern-label">{t('review.change')}</span>
              </button>
            )}
          </div>
          <dl className="kern-description-list">
            {service.documents.map((document) => {
              const files = attachments.filter((file) => file.documentId === document.id);
              return (
                <div key={document.id} className="kern-description-list-item">
                  <dt className="kern-description-list-item__key" lang="de">{document.label}</dt>
                  <dd className="kern-description-list-item__value">
                    {files.length === 0 ? t('review.noDocuments') : files.map((file) => file.fileName).join(', ')}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      )}

      <dl className="kern-description-list">
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('review.fee')}</dt>
          <dd className="kern-description-list-item__value">
            {formatApplicationFee(fee, locale, t)}
            {service.feeNote && <span lang="de"> – {service.feeNote}</span>}
          </dd>
        </div>
      </dl>

      <section className="citizen-privacy" aria-labelledby="privacy-heading">
        <h2 id="privacy-heading" className="kern-heading-small">{t('privacy.heading')}</h2>
        <p className="kern-body">{t('privacy.purpose')}</p>
        <p className="kern-body">{t('privacy.rights')}</p>
        {channel === 'kiosk' && <p className="kern-body">{t('privacy.kiosk')}</p>}
        <div className={`kern-form-check ${privacyMissing && !privacyConfirmed ? 'kern-form-check--error' : ''}`}>
          <input
            id={PRIVACY_CHECKBOX_ID}
            type="checkbox"
            className="kern-form-check__checkbox"
            checked={privacyConfirmed}
            aria-required="true"
            aria-invalid={privacyMissing && !privacyConfirmed ? true : undefined}
            aria-describedby={privacyMissing && !privacyConfirmed ? `${PRIVACY_CHECKBOX_ID}-error` : undefined}
            onChange={(event) => setPrivacyConfirmed(event.target.checked)}
          />
          <label className="kern-label" htmlFor={PRIVACY_CHECKBOX_ID}>
            {t('privacy.confirm')}
            <span aria-hidden="true"> *</span>
          </label>
          {privacyMissing && !privacyConfirmed && (
            <p className="kern-error" id={`${PRIVACY_CHECKBOX_ID}-error`}>
              <span className="kern-icon kern-icon--danger" aria-hidden="true" />
              <span className="kern-body">{t('privacy.confirmMissing')}</span>
            </p>
          )}
        </div>
      </section>

      <div className="citizen-actions">
        <button type="button" className="kern-btn kern-btn--secondary" onClick={onBack} disabled={submission.isPending}>
          <span className="kern-icon kern-icon--arrow-back citizen-flip-rtl" aria-hidden="true" />
          <span className="kern-label">{t('wizard.back')}</span>
        </button>
        <button type="button" className="kern-btn kern-btn--primary" onClick={submit} disabled={submission.isPending} aria-describedby={submission.isPending ? 'submit-status' : undefined}>
          <span className="kern-label">{t('submit.button')}</span>
          <span className="kern-icon kern-icon--check" aria-hidden="true" />
        </button>
      </div>
      <p id="submit-status" className={submission.isPending ? 'kern-body' : 'kern-sr-only'} role="status">
        {submission.isPending ? t('submit.sending') : ''}
      </p>
      {submission.isPending && uploadShare !== null && attachments.length > 0 && (
        <div className="citizen-upload-progress">
          <label className="kern-label" htmlFor="submit-upload-progress">{t('submit.uploadProgress')}</label>
          <progress id="submit-upload-progress" className="kern-progress" max={100} value={Math.round(uploadShare * 100)}>
            {Math.round(uploadShare * 100)} %
          </progress>
        </div>
      )}
    </div>
  );
}
