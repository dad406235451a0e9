// Form data of an application, labelled with the UI hints of the service version it was filed
// with. A field the hints do not know (or every field, when that version is not cached) is shown
// under its dotted path, so no data is hidden from the clerk.
import type { Service, UiField } from '../../../src-shared/catalog.ts';
import { formatDateDe } from '../../../src-shared/dates.ts';
import { getAtPath, isPlainObject } from '../../../src-shared/forms/paths.ts';

export interface LabelledValue {
  path: string;
  label: string;
  value: string;
}

export interface FormSection {
  title: string;
  fields: LabelledValue[];
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Lists the dotted paths of every leaf value in form data, depth first in key order. */
export function leafPaths(data: unknown, prefix = ''): string[] {
  if (!isPlainObject(data)) return prefix === '' ? [] : [prefix];
  const paths: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (isPlainObject(value)) paths.push(...leafPaths(value, path));
    else paths.push(path);
  }
  return paths;
}

/** Formats one form value for reading: option labels, Ja/Nein, German dates, lists joined. */
export function formatFormValue(value: unknown, field?: UiField): string {
  if (value === undefined || value === null || value === '') return '–';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nein';

  if (Array.isArray(value)) return value.map((item) => formatFormValue(item, field)).join(', ');

  if (typeof value === 'string') {
    const option = field?.options?.find((candidate) => candidate.value === value);
    if (option) return option.label;
    // Without hints a YYYY-MM-DD value is taken for a date, since forms store dates that way.
    if ((field === undefined || field.widget === 'date') && DATE_PATTERN.test(value)) return formatDateDe(value);
    return value;
  }

  if (typeof value === 'number') return field?.options?.find((option) => option.value === String(value))?.label ?? value.toLocaleString('de-DE');
  return JSON.stringify(value);
}

/** Groups form data into the steps of the service form, plus a section for unknown fields. */
export function labelFormData(formData: Record<string, unknown>, service: Service | null): FormSection[] {
  const sections: FormSection[] = [];
  const shown = new Set<string>();

  if (service) {
    const fieldsByPath = new Map(service.uiHints.fields.map((field) => [field.path, field]));
    for (const step of service.uiHints.steps) {
      const fields: LabelledValue[] = [];
      for (const path of step.fields) {
        const value = getAtPath(formData, path);
        shown.add(path);
        if (value === undefined) continue;
        const field = fieldsByPath.get(path);
        fields.push({ path, label: field?.label ?? path, value: formatFormValue(value, field) });
      }
      if (fields.length > 0) sections.push({ title: step.title, fields });
    }
  }

  const rest = leafPaths(formData)
    .filter((path) => !shown.has(path))
    .map((path) => ({ path, label: path, value: formatFormValue(getAtPath(formData, path)) }));
  if (rest.length > 0) sections.push({ title: service ? 'Weitere Angaben' : 'Angaben (ohne Formularbeschriftung)', fields: rest });

  return sections;
}
