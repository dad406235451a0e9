// The form wizard: loads the chosen service version, shows one step at a time, checks each step
// before the citizen goes on, and moves focus to the first problem.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, type FormEvent } from 'react';
import type { Service } from '../../../src-shared/index.ts';
import { findFieldSchema, requiredFieldPaths } from '../../../src-shared/forms/conditions.ts';
import { localiseServiceText } from '../i18n/service-texts.ts';
import { fieldDomId, firstStepWithErrors, NO_ERRORS, type FormErrors } from '../wizard/errors.ts';
import { effectiveWidget } from '../wizard/field-input.ts';
import { buildWizardSteps, nextStepId, previousStepId, resolveCurrentStepId, type WizardStep } from '../wizard/steps.ts';
import { validateFields } from '../wizard/validation.ts';
import { Alert } from './Alert.tsx';
import { useCitizen, useHost, useT } from './context.tsx';
import { DocumentsStep, DOCUMENTS_TARGET_ID, missingDocumentMessages } from './DocumentsStep.tsx';
import { ErrorSummary, focusField } from './ErrorSummary.tsx';
import { FieldControl } from './FieldControl.tsx';
import { ReviewStep } from './ReviewStep.tsx';

export function serviceQueryKey(id: string, version: number) {
  return ['citizen', 'service', id, version] as const;
}

export function Wizard() {
  const t = useT();
  const { backend } = useHost();
  const serviceId = useCitizen((state) => state.serviceId);
  const serviceVersion = useCitizen((state) => state.serviceVersion);
  const backToPicker = useCitizen((state) => state.backToPicker);

  const service = useQuery({
    queryKey: serviceQueryKey(serviceId ?? '', serviceVersion ?? 0),
    queryFn: () => backend.getService(serviceId ?? '', serviceVersion ?? undefined),
    enabled: serviceId !== null,
  });

  if (service.isPending) return <p className="kern-body" role="status">{t('app.loading')}</p>;

  if (service.isError) {
    return (
      <Alert kind="danger" title={t('wizard.loadFailed')} role="alert">
        <div className="citizen-actions">
          <button type="button" className="kern-btn kern-btn--primary" onClick={() => service.refetch()}>
            <span className="kern-label">{t('picker.retry')}</span>
          </button>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={backToPicker}>
            <span className="kern-label">{t('wizard.changeService')}</span>
          </button>
        </div>
      </Alert>
    );
  }

  return <ServiceWizard service={service.data} />;
}

function ServiceWizard({ service }: { service: Service }) {
  const t = useT();
  const locale = useCitizen((state) => state.locale);
  const formData = useCitizen((state) => state.formData);
  const rawInputs = useCitizen((state) => state.rawInputs);
  const attachments = useCitizen((state) => state.attachments);
  const storedStepId = useCitizen((state) => state.currentStepId);
  const errors = useCitizen((state) => state.errors);
  const errorsRevision = useCitizen((state) => state.errorsRevision);
  const goToStep = useCitizen((state) => state.goToStep);
  const setErrors = useCitizen((state) => state.setErrors);
  const backToPicker = useCitizen((state) => state.backToPicker);

  const steps = useMemo(() => buildWizardSteps(service, formData), [service, formData]);
  const currentId = resolveCurrentStepId(service, steps, storedStepId);
  const stepIndex = steps.findIndex((step) => step.id === currentId);
  const step = steps[stepIndex] as WizardStep;
  const labels = useMemo(() => new Map(service.uiHints.fields.map((field) => [field.path, field.label])), [service]);
  const serviceText = localiseServiceText(service, locale);

  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  // A new step is announced by moving focus to its heading.
  useEffect(() => {
    headingRef.current?.focus();
  }, [currentId]);

  // After a failed check, focus goes to the first field with a problem, else to the summary.
  useEffect(() => {
    if (errorsRevision === 0) return;
    const firstField = step.kind === 'form' ? step.fieldPaths.find((path) => errors.byField[path] !== undefined) : undefined;
    if (firstField) focusField(fieldDomId(firstField));
    else if (step.kind === 'documents' && errors.documents.length > 0) focusField(DOCUMENTS_TARGET_ID);
    else summaryRef.current?.focus();
    // Only a new check moves focus, not a re-render while the citizen types, so the effect
    // depends on the revision alone.
  }, [errorsRevision]);

  const goTo = (stepId: string | null) => {
    if (stepId === null) return;
    setErrors(NO_ERRORS);
    goToStep(stepId);
  };

  const onNext = (event: FormEvent) => {
    event.preventDefault();
    const stepErrors = checkStep(step);
    if (stepErrors) {
      setErrors(stepErrors);
      return;
    }
    goTo(nextStepId(steps, currentId));
  };

  const checkStep = (current: WizardStep): FormErrors | null => {
    if (current.kind === 'form') {
      const issues = validateFields(service, current.fieldPaths, { formData, rawInputs });
      if (issues.size === 0) return null;
      const byField: Record<string, string> = {};
      for (const [path, issue] of issues) byField[path] = t(issue.key, issue.params);
      return { byField, documents: [], general: [] };
    }
    if (current.kind === 'documents') {
      const missing = missingDocumentMessages(service, attachments, t);
      return missing.length === 0 ? null : { byField: {}, documents: missing, general: [] };
    }
    return null;
  };

  /** Shows server field errors and opens the first step that has one. */
  const showServerErrors = (mapped: FormErrors) => {
    setErrors(mapped);
    const target = firstStepWithErrors(mapped, steps);
    if (target !== null) goToStep(target);
  };

  const title = step.kind === 'form' ? step.title : step.kind === 'documents' ? t('documents.heading') : t('review.heading');
  const fieldPaths = step.kind === 'form' ? step.fieldPaths : [];

  return (
    <section className="citizen-stack" aria-labelledby="step-heading">
      <hgroup className="citizen-heading-group">
        <p className="kern-preline" lang={serviceText.lang}>{serviceText.name}</p>
        <h1 id="step-heading" className="kern-heading-large" tabIndex={-1} ref={headingRef} lang={step.kind === 'form' ? 'de' : undefined}>
          {title}
        </h1>
        <p className="kern-body">{t('wizard.stepOf', { current: stepIndex + 1, total: steps.length })}</p>
      </hgroup>
      <progress className="kern-progress citizen-progress" max={steps.length} value={stepIndex + 1} aria-label={t('wizard.progress')} />

      {locale !== 'de' && step.kind !== 'documents' && <p className="kern-body kern-body--muted">{t('app.germanOnly')}</p>}

      {step.kind !== 'review' && (
        <ErrorSummary
          ref={summaryRef}
          errors={errors}
          fieldPaths={fieldPaths}
          labels={labels}
          showDocuments={step.kind === 'documents'}
          documentsTargetId={DOCUMENTS_TARGET_ID}
          serverNote={locale !== 'de' && errors.fromServer ? t('errors.serverGermanNote') : undefined}
        />
      )}

      {step.kind === 'review' ? (
        <ReviewStep service={service} steps={steps} onEditStep={goTo} onServerErrors={showServerErrors} onBack={() => goTo(previousStepId(steps, currentId))} summaryRef={summaryRef} />
      ) : (
        <form noValidate onSubmit={onNext} className="citizen-stack">
          {step.kind === 'form' && step.description && <p className="kern-body" lang="de">{step.description}</p>}
          {step.kind === 'form' && <p className="kern-body kern-body--small">{t('wizard.requiredNote')}</p>}

          {step.kind === 'form' && <FormFields service={service} fieldPaths={step.fieldPaths} errors={errors} />}
          {step.kind === 'documents' && <DocumentsStep service={service} />}

          <div className="citizen-actions">
            {stepIndex > 0 && (
              <button type="button" className="kern-btn kern-btn--secondary" onClick={() => goTo(previousStepId(steps, currentId))}>
                <span className="kern-icon kern-icon--arrow-back citizen-flip-rtl" aria-hidden="true" />
                <span className="kern-label">{t('wizard.back')}</span>
              </button>
            )}
            <button type="submit" className="kern-btn kern-btn--primary">
              <span className="kern-label">{nextStepId(steps, currentId) === steps.at(-1)?.id ? t('wizard.toReview') : t('wizard.next')}</span>
              <span className="kern-icon kern-icon--arrow-forward citizen-flip-rtl" aria-hidden="true" />
            </button>
          </div>
        </form>
      )}

      <div>
        <button type="button" className="kern-btn kern-btn--tertiary" onClick={backToPicker}>
          <span className="kern-label">{t('wizard.changeService')}</span>
        </button>
      </div>
    </section>
  );
}

function FormFields({ service, fieldPaths, errors }: { service: Service; fieldPaths: string[]; errors: FormErrors }) {
  const formData = useCitizen((state) => state.formData);
  const required = useMemo(() => requiredFieldPaths(service.formSchema, formData), [service, formData]);
  const uiFields = useMemo(() => new Map(service.uiHints.fields.map((field) => [field.path, field])), [service]);

  return (
    <div className="citizen-fields">
      {fieldPaths.map((path) => {
        const fieldSchema = findFieldSchema(service.formSchema, path);
        const uiField = uiFields.get(path) ?? { path, label: path, widget: 'text' as const };
        return (
          <FieldControl
            key={path}
            path={path}
            uiField={uiField}
            widget={effectiveWidget(uiField.widget, fieldSchema)}
            fieldSchema={fieldSchema}
            required={required.has(path) || (uiField.widget === 'checkbox' && fieldSchema?.const === true)}
            error={errors.byField[path]}
            textLang="de"
          />
        );
      })}
    </div>
  );
}
