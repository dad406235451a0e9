// One form field, rendered by its widget from the UI hints, with label, help, required mark and
// error wired up through aria-invalid and aria-describedby.
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Place, UiField, UiWidget } from '../../../src-shared/index.ts';
import { isBlank, type JsonSchema } from '../../../src-shared/forms/conditions.ts';
import { formatGermanDate } from '../../../src-shared/forms/formats.ts';
import { getAtPath } from '../../../src-shared/forms/paths.ts';
import type { Translate } from '../i18n/messages.ts';
import { fieldDomId } from '../wizard/errors.ts';
import { coerceChoiceValue, parseTextInput, textForStoredValue, TEXT_WIDGETS } from '../wizard/field-input.ts';
import { useCitizen, useHost, useT } from './context.tsx';

export const PLACES_QUERY_KEY = ['citizen', 'places'] as const;

export interface FieldControlProps {
  path: string;
  uiField: UiField;
  widget: UiWidget;
  fieldSchema: JsonSchema | undefined;
  required: boolean;
  error: string | undefined;
  /** Language of the label and help texts; German unless the catalog translated them. */
  textLang: string;
}

export interface ChoiceOption {
  value: string;
  label: string;
}

/** Options for a choice field: from the UI hints, else the schema's enum, else yes/no for a boolean. */
export function choiceOptions(uiField: UiField, fieldSchema: JsonSchema | undefined, t: Translate): ChoiceOption[] {
  if (uiField.options && uiField.options.length > 0) return uiField.options;
  if (Array.isArray(fieldSchema?.enum)) return fieldSchema.enum.map((value) => ({ value: String(value), label: String(value) }));
  if (fieldSchema?.type === 'boolean') return [{ value: 'true', label: t('wizard.yes') }, { value: 'false', label: t('wizard.no') }];
  return [];
}

export function FieldControl(props: FieldControlProps) {
  if (TEXT_WIDGETS.has(props.widget)) return <TextField {...props} />;
  if (props.widget === 'checkbox') return <CheckboxField {...props} />;
  if (props.widget === 'radio') return <RadioField {...props} />;
  return <SelectField {...props} />;
}

function describedBy(id: string, hasHint: boolean, hasError: boolean): string | undefined {
  const ids = [hasHint ? `${id}-hint` : null, hasError ? `${id}-error` : null].filter((value) => value !== null);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function LabelText({ uiField, required, textLang }: { uiField: UiField; required: boolean; textLang: string }) {
  const t = useT();
  return (
    <>
      <span lang={textLang}>{uiField.label}</span>
      {required ? (
        <>
          <span aria-hidden="true"> *</span>
          <span className="kern-sr-only"> ({t('wizard.requiredMark')})</span>
        </>
      ) : (
        <span className="kern-label__optional"> – {t('wizard.optional')}</span>
      )}
    </>
  );
}

function Hint({ id, children }: { id: string; children: ReactNode }) {
  return <div className="kern-hint" id={`${id}-hint`}>{children}</div>;
}

function FieldErrorText({ id, message }: { id: string; message: string }) {
  return (
    <p className="kern-error" id={`${id}-error`}>
      <span className="kern-icon kern-icon--danger" aria-hidden="true" />
      <span className="kern-body">{message}</span>
    </p>
  );
}

const INPUT_ATTRIBUTES: Partial<Record<UiWidget, { type: string; inputMode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'text'; autoComplete?: string; maxLength?: number; widthClass?: string }>> = {
  date: { type: 'text', inputMode: 'numeric', maxLength: 10, widthClass: 'citizen-input--date' },
  postcode: { type: 'text', inputMode: 'numeric', autoComplete: 'postal-code', maxLength: 5, widthClass: 'citizen-input--postcode' },
  iban: { type: 'text', inputMode: 'text', autoComplete: 'off', maxLength: 42 },
  email: { type: 'email', inputMode: 'email', autoComplete: 'email' },
  phone: { type: 'tel', inputMode: 'tel', autoComplete: 'tel' },
  vehicle_registration: { type: 'text', inputMode: 'text', autoComplete: 'off', maxLength: 12, widthClass: 'citizen-input--plate' },
  number: { type: 'text', inputMode: 'decimal', widthClass: 'citizen-input--number' },
};

function TextField({ path, uiField, widget, fieldSchema, required, error, textLang }: FieldControlProps) {
  const t = useT();
  const id = fieldDomId(path);
  const raw = useCitizen((state) => state.rawInputs[path]);
  const stored = useCitizen((state) => getAtPath(state.formData, path));
  const setTextInput = useCitizen((state) => state.setTextInput);

  const shown = raw ?? textForStoredValue(widget, stored, formatGermanDate);
  // A date field whose own help already gives an example gets the format alone, not a second example.
  const dateHint = uiField.help ? t('wizard.dateFormat') : t('wizard.dateHint');
  const hints = [uiField.help, widget === 'date' ? dateHint : undefined].filter((hint) => hint !== undefined);
  const attributes = INPUT_ATTRIBUTES[widget] ?? { type: 'text' };

  const onChange = (text: string) => {
    if (isBlank(text)) {
      setTextInput(path, text, undefined);
      return;
    }
    const parsed = parseTextInput(widget, fieldSchema, text);
    setTextInput(path, text, parsed.ok ? parsed.value : undefined);
  };

  const common = {
    id,
    name: path,
    value: shown,
    'aria-invalid': error !== undefined ? true : undefined,
    'aria-required': required ? true : undefined,
    'aria-describedby': describedBy(id, hints.length > 0, error !== undefined),
    autoComplete: uiField.autocomplete ?? attributes.autoComplete,
    spellCheck: widget === 'text' || widget === 'textarea',
  };
  const inputClass = `kern-form-input__input ${error !== undefined ? 'kern-form-input__input--error' : ''} ${attributes.widthClass ?? ''}`;

  return (
    <div className={`kern-form-input ${error !== undefined ? 'kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={id}>
        <LabelText uiField={uiField} required={required} textLang={textLang} />
      </label>
      {hints.length > 0 && (
        <Hint id={id}>
          {hints.map((hint, index) => (
            <span key={index} className="citizen-hint-line" lang={index === 0 && uiField.help ? textLang : undefined}>{hint}</span>
          ))}
        </Hint>
      )}
      {widget === 'textarea' ? (
        <textarea {...common} className={`${inputClass} citizen-textarea`} rows={5} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input
          {...common}
          className={inputClass}
          type={attributes.type}
          inputMode={attributes.inputMode}
          maxLength={attributes.maxLength}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {error !== undefined && <FieldErrorText id={id} message={error} />}
    </div>
  );
}

function CheckboxField({ path, uiField, required, error, textLang }: FieldControlProps) {
  const id = fieldDomId(path);
  const checked = useCitizen((state) => getAtPath(state.formData, path) === true);
  const setValue = useCitizen((state) => state.setValue);

  return (
    <div className={`kern-form-check ${error !== undefined ? 'kern-form-check--error' : ''}`}>
      <input
        id={id}
        name={path}
        type="checkbox"
        className={`kern-form-check__checkbox ${error !== undefined ? 'kern-form-check__checkbox--error' : ''}`}
        checked={checked}
        aria-invalid={error !== undefined ? true : undefined}
        aria-required={required ? true : undefined}
        aria-describedby={describedBy(id, uiField.help !== undefined, error !== undefined)}
        onChange={(event) => setValue(path, event.target.checked)}
      />
      <label className="kern-label" htmlFor={id}>
        <LabelText uiField={uiField} required={required} textLang={textLang} />
      </label>
      {uiField.help !== undefined && <Hint id={id}><span lang={textLang}>{uiField.help}</span></Hint>}
      {error !== undefined && <FieldErrorText id={id} message={error} />}
    </div>
  );
}

function RadioField({ path, uiField, fieldSchema, required, error, textLang }: FieldControlProps) {
  const t = useT();
  const id = fieldDomId(path);
  const stored = useCitizen((state) => getAtPath(state.formData, path));
  const setValue = useCitizen((state) => state.setValue);
  const options = choiceOptions(uiField, fieldSchema, t);

  return (
    <fieldset
      className={`kern-fieldset ${error !== undefined ? 'kern-fieldset--error' : ''}`}
      role="radiogroup"
      aria-required={required ? true : undefined}
      aria-invalid={error !== undefined ? true : undefined}
      aria-describedby={describedBy(id, uiField.help !== undefined, error !== undefined)}
    >
      <legend className="kern-label">
        <LabelText uiField={uiField} required={required} textLang={textLang} />
      </legend>
      {uiField.help !== undefined && <Hint id={id}><span lang={textLang}>{uiField.help}</span></Hint>}
      <div className="kern-fieldset__body">
        {options.map((option, index) => {
          // The first radio carries the field's id so that the error summary can focus the group.
          const optionId = index === 0 ? id : `${id}-${index}`;
          return (
            <div className="kern-form-check" key={option.value}>
              <input
                id={optionId}
                name={path}
                type="radio"
                className={`kern-form-check__radio ${error !== undefined ? 'kern-form-check__radio--error' : ''}`}
                value={option.value}
                checked={stored !== undefined && String(stored) === option.value}
                onChange={() => setValue(path, coerceChoiceValue(fieldSchema, option.value))}
              />
              <label className="kern-label" htmlFor={optionId} lang={uiField.options ? textLang : undefined}>{option.label}</label>
            </div>
          );
        })}
      </div>
      {error !== undefined && <FieldErrorText id={id} message={error} />}
    </fieldset>
  );
}

function SelectField({ path, uiField, widget, fieldSchema, required, error, textLang }: FieldControlProps) {
  const t = useT();
  const { backend } = useHost();
  const id = fieldDomId(path);
  const stored = useCitizen((state) => getAtPath(state.formData, path));
  const setValue = useCitizen((state) => state.setValue);
  const places = useQuery({ queryKey: PLACES_QUERY_KEY, queryFn: () => backend.listPlaces(), enabled: widget === 'place' });

  const options = widget === 'place' ? placeOptions(places.data ?? []) : choiceOptions(uiField, fieldSchema, t);

  return (
    <div className={`kern-form-input ${error !== undefined ? 'kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={id}>
        <LabelText uiField={uiField} required={required} textLang={textLang} />
      </label>
      {uiField.help !== undefined && <Hint id={id}><span lang={textLang}>{uiField.help}</span></Hint>}
      <div className="kern-form-input__select-wrapper">
        <select
          id={id}
          name={path}
          className={`kern-form-input__select ${error !== undefined ? 'kern-form-input__select--error' : ''}`}
          value={stored === undefined ? '' : String(stored)}
          aria-invalid={error !== undefined ? true : undefined}
          aria-required={required ? true : undefined}
          aria-describedby={describedBy(id, uiField.help !== undefined, error !== undefined)}
          aria-busy={widget === 'place' && places.isPending ? true : undefined}
          onChange={(event) => setValue(path, event.target.value === '' ? undefined : coerceChoiceValue(fieldSchema, event.target.value))}
        >
          <option value="">{t('wizard.selectPlaceholder')}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>{option.label}</option>
          ))}
        </select>
      </div>
      {widget === 'place' && places.isError && <FieldErrorText id={`${id}-places`} message={t('wizard.loadFailed')} />}
      {error !== undefined && <FieldErrorText id={id} message={error} />}
    </div>
  );
}

/** Places sorted by name, with their postcodes so citizens can tell e.g. two "Neustadt" apart. */
export function placeOptions(places: Place[]): ChoiceOption[] {
  return [...places]
    .sort((left, right) => left.name.localeCompare(right.name, 'de'))
    .map((place) => ({ value: place.ars, label: `${place.name} (${place.postcodes.join(', ')})` }));
}
