// Readable answers for the review page: dates as DD.MM.YYYY, option labels instead of codes,
// IBANs in groups of four, places by name.
import type { Place, Service, UiField, UiWidget } from '../../../src-shared/index.ts';
import { findFieldSchema } from '../../../src-shared/forms/conditions.ts';
import { formatGermanDate } from '../../../src-shared/forms/formats.ts';
import { getAtPath } from '../../../src-shared/forms/paths.ts';
import { LOCALE_INFO, type Locale, type Translate } from '../i18n/messages.ts';
import { effectiveWidget } from './field-input.ts';
import type { WizardStep } from './steps.ts';

export interface ReviewAnswer {
  path: string;
  label: string;
  value: string;
}

export interface ReviewSection {
  stepId: string;
  title: string;
  answers: ReviewAnswer[];
}

export function formatAnswer(widget: UiWidget, uiField: UiField | undefined, value: unknown, places: Place[], locale: Locale, t: Translate): string {
  if (value === undefined || value === null || value === '') return t('review.empty');

  if (typeof value === 'boolean') return value ? t('wizard.yes') : t('wizard.no');

  const option = uiField?.options?.find((candidate) => candidate.value === String(value));
  if (option) return option.label;

  switch (widget) {
    case 'date':
      return typeof value === 'string' ? formatGermanDate(value) : String(value);
    case 'iban':
      return String(value).replace(/(.{4})(?=.)/g, '$1 ');
    case 'place': {
      const place = places.find((candidate) => candidate.ars === value);
      return place ? `${place.name} (${place.postcodes.join(', ')})` : String(value);
    }
    case 'number':
      return typeof value === 'number' ? new Intl.NumberFormat(LOCALE_INFO[locale].intlLocale).format(value) : String(value);
    default:
      return String(value);
  }
}

/** One section per form step with the answers the citizen gave, in display order. */
export function buildReviewSections(service: Service, steps: WizardStep[], formData: Record<string, unknown>, places: Place[], locale: Locale, t: Translate): ReviewSection[] {
  const uiFields = new Map(service.uiHints.fields.map((field) => [field.path, field]));
  const sections: ReviewSection[] = [];

  for (const step of steps) {
    if (step.kind !== 'form') continue;

    const answers = step.fieldPaths.map((path) => {
      const uiField = uiFields.get(path);
      const fieldSchema = findFieldSchema(service.formSchema, path);
      const widget = effectiveWidget(uiField?.widget ?? 'text', fieldSchema);
      const value = getAtPath(formData, path);
      return { path, label: uiField?.label ?? path, value: formatAnswer(widget, uiField, value, places, locale, t) };
    });

    sections.push({ stepId: step.id, title: step.title, answers });
  }

  return sections;
}
