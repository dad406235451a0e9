// Error summary at the top of a step: one link per problem that moves focus to the field.
import { forwardRef } from 'react';
import { fieldDomId, type FormErrors } from '../wizard/errors.ts';
import { useT } from './context.tsx';

export interface ErrorSummaryProps {
  errors: FormErrors;
  /** Field paths shown on this step, in display order; errors of other steps are not listed. */
  fieldPaths: string[];
  labels: Map<string, string>;
  showDocuments: boolean;
  /** DOM id the document messages link to. */
  documentsTargetId?: string;
  /** Extra messages of this step that belong to no field, such as the privacy confirmation. */
  extra?: { targetId: string; message: string }[];
  serverNote?: string;
}

export function focusField(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  element.scrollIntoView({ block: 'center' });
  element.focus();
}

export const ErrorSummary = forwardRef<HTMLDivElement, ErrorSummaryProps>(function ErrorSummary(props, ref) {
  const t = useT();
  const { errors, fieldPaths, labels, showDocuments, documentsTargetId, extra = [], serverNote } = props;

  const fieldItems = fieldPaths
    .filter((path) => errors.byField[path] !== undefined)
    .map((path) => ({ targetId: fieldDomId(path), message: `${(labels.get(path) ?? path).replace(/[.:]+$/, '')}: ${errors.byField[path]}` }));
  const documentItems = showDocuments && documentsTargetId
    ? errors.documents.map((message) => ({ targetId: documentsTargetId, message }))
    : [];
  const items = [...fieldItems, ...documentItems, ...extra];

  if (items.length === 0 && errors.general.length === 0) return null;

  return (
    <div ref={ref} tabIndex={-1} className="kern-alert kern-alert--danger citizen-error-summary" role="alert" aria-labelledby="error-summary-title">
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--danger" aria-hidden="true" />
        <h2 className="kern-title" id="error-summary-title">{t('errors.summaryTitle')}</h2>
      </div>
      <div className="kern-alert__body">
        <p className="kern-body">{t('errors.summaryIntro')}</p>
        <ul className="kern-list">
          {items.map((item, index) => (
            <li key={`${item.targetId}-${index}`}>
              <a
                className="kern-link"
                href={`#${item.targetId}`}
                onClick={(event) => {
                  event.preventDefault();
                  focusField(item.targetId);
                }}
              >
                {item.message}
              </a>
            </li>
          ))}
          {errors.general.map((message, index) => (
            <li key={`general-${index}`} className="kern-body">{message}</li>
          ))}
        </ul>
        {serverNote && <p className="kern-body kern-body--small">{serverNote}</p>}
      </div>
    </div>
  );
});
