import { describe, expect, it } from 'vitest';
import type { FieldError, Service } from '../../../src-shared/index.ts';
import { getAtPath, setAtPath } from '../../../src-shared/forms/paths.ts';
import {
  DEMO_PLACES, DEMO_SERVICES, DOG_TAX_ID, EVENT_NOTIFICATION_ID, REGISTRATION_CERTIFICATE_ID, RESIDENT_PARKING_ID,
} from '../../../portal/src/catalog/demo-data.ts';
import { createSyntheticSubmissions } from '../../../portal/src/demo/synthetic.ts';
import { createFormValidator } from '../../../portal/src/intake/form-validation.ts';

const validator = createFormValidator();

function service(id: string, version = 1): Service {
  const found = DEMO_SERVICES.find((candidate) => candidate.id === id && candidate.version === version);
  if (!found) throw new Error(`demo service ${id} v${version} missing`);
  return found;
}

/** Valid form data for the service, from the synthetic generator. */
function validData(target: Service, seed = 1): Record<string, unknown> {
  const [submission] = [...createSyntheticSubmissions({ count: 1, seed, services: [target], places: DEMO_PLACES })];
  return structuredClone(submission!.formData);
}

function errorsOf(target: Service, data: unknown): FieldError[] {
  const result = validator.validate(target, data);
  if (result.ok) throw new Error('expected validation to fail');
  return result.errors;
}

function errorAt(errors: FieldError[], path: string): string | undefined {
  return errors.find((error) => error.path === path)?.message;
}

/** Event data with a given answer to the alcohol question; the generator picks it at random otherwise. */
function eventData(sale: 'yes' | 'no'): Record<string, unknown> {
  const event = service(EVENT_NOTIFICATION_ID);
  for (let seed = 1; seed < 200; seed += 1) {
    const data = validData(event, seed);
    if (getAtPath(data, 'alcohol.sale') === sale) return data;
  }
  throw new Error(`no synthetic event with alcohol.sale=${sale}`);
}

describe('form validation of every demo service', () => {
  for (const target of DEMO_SERVICES) {
    it(`accepts valid data for ${target.name} v${target.version}`, () => {
      const data = validData(target);
      const result = validator.validate(target, data);
      expect(result).toEqual({ ok: true, data });
    });

    it(`reports required fields of ${target.name} v${target.version} with labels`, () => {
      const errors = errorsOf(target, {});
      expect(errorAt(errors, 'applicant.givenName')).toBe('Bitte füllen Sie das Feld „Vorname“ aus.');
      expect(errorAt(errors, 'applicant.familyName')).toBe('Bitte füllen Sie das Feld „Familienname“ aus.');
      expect(errorAt(errors, target.routingField)).toBe('Bitte wählen Sie „Stadt oder Gemeinde“ aus der Liste aus.');
      expect(errorAt(errors, 'declaration')).toBe('Bitte setzen Sie das Häkchen bei „Ich versichere, dass meine Angaben vollständig und richtig sind“.');
      expect(errors[0]?.path).toBe('applicant.givenName');
      expect(new Set(errors.map((error) => error.path)).size).toBe(errors.length);
    });
  }
});

describe('form validation rules', () => {
  it('rejects a value of a hidden conditional field', () => {
    const data = setAtPath(eventData('no'), 'alcohol.servingFrom', '18:00');
    const errors = errorsOf(service(EVENT_NOTIFICATION_ID), data);
    expect(errors).toEqual([{
      path: 'alcohol.servingFrom',
      message: 'Das Feld „Ausschank ab (Uhrzeit)“ gehört nicht zu diesem Formular. Bitte entfernen Sie die Angabe.',
    }]);
  });

  it('requires conditional fields once their condition holds', () => {
    const data = setAtPath(eventData('no'), 'alcohol.sale', 'yes');
    const errors = errorsOf(service(EVENT_NOTIFICATION_ID), data);
    expect(errors.map((error) => error.path)).toEqual([
      'alcohol.servingFrom', 'alcohol.servingUntil', 'alcohol.responsiblePerson.givenName',
      'alcohol.responsiblePerson.familyName', 'alcohol.responsiblePerson.phone',
    ]);
    expect(errorAt(errors, 'alcohol.responsiblePerson.phone')).toBe('Bitte füllen Sie das Feld „Telefonnummer der verantwortlichen Person“ aus.');
  });

  it('accepts conditional fields while their condition holds', () => {
    const data = eventData('yes');
    expect(getAtPath(data, 'alcohol.responsiblePerson.familyName')).toEqual(expect.any(String));
    expect(validator.validate(service(EVENT_NOTIFICATION_ID), data).ok).toBe(true);
  });

  it('reports only the invalid field of an active branch', () => {
    const data = setAtPath(eventData('yes'), 'alcohol.responsiblePerson.phone', 'keine');
    const errors = errorsOf(service(EVENT_NOTIFICATION_ID), data);
    expect(errors.map((error) => error.path)).toEqual(['alcohol.responsiblePerson.phone']);
    expect(errors[0]?.message).toMatch(/^Telefonnummer der verantwortlichen Person: Bitte geben Sie eine gültige Telefonnummer an/);
  });

  it('treats a whitespace-only required value as missing', () => {
    const data = setAtPath(validData(service(DOG_TAX_ID)), 'applicant.familyName', ' \t ');
    const errors = errorsOf(service(DOG_TAX_ID), data);
    expect(errors).toEqual([{ path: 'applicant.familyName', message: 'Bitte füllen Sie das Feld „Familienname“ aus.' }]);
  });

  it('returns trimmed NFC strings and drops blank optional values', () => {
    let data = validData(service(REGISTRATION_CERTIFICATE_ID));
    data = setAtPath(data, 'applicant.givenName', '  Ju\u0308rgen ');
    data = setAtPath(data, 'certificate.purpose', '   ');
    const result = validator.validate(service(REGISTRATION_CERTIFICATE_ID), data);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(getAtPath(result.data, 'applicant.givenName')).toBe('Jürgen');
    expect(getAtPath(result.data, 'certificate')).not.toHaveProperty('purpose');
  });

  it('rejects 31 February', () => {
    const data = setAtPath(validData(service(REGISTRATION_CERTIFICATE_ID)), 'applicant.dateOfBirth', '1990-02-31');
    const errors = errorsOf(service(REGISTRATION_CERTIFICATE_ID), data);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe('applicant.dateOfBirth');
    expect(errors[0]?.message).toContain('Geburtsdatum');
    expect(errors[0]?.message).toContain('TT.MM.JJJJ');
  });

  it('rejects a German-formatted date, which the widget must convert first', () => {
    const data = setAtPath(validData(service(DOG_TAX_ID)), 'dog.dateOfBirth', '01.02.2020');
    expect(errorsOf(service(DOG_TAX_ID), data).map((error) => error.path)).toEqual(['dog.dateOfBirth']);
  });

  it('rejects an event that ends before it starts', () => {
    let data = eventData('no');
    data = setAtPath(data, 'event.startDate', '2027-06-10');
    data = setAtPath(data, 'event.endDate', '2027-06-09');
    const errors = errorsOf(service(EVENT_NOTIFICATION_ID), data);
    expect(errors).toEqual([{ path: 'event.endDate', message: '„Letzter Veranstaltungstag“ darf nicht vor dem 10.06.2027 liegen.' }]);
  });

  it('rejects a bad IBAN and normalises a good one', () => {
    const dogTax = service(DOG_TAX_ID);
    let data = validData(dogTax);
    data = setAtPath(data, 'payment', { method: 'sepa', accountHolder: 'Jörg Weiß', iban: 'DE89 3704 0044 0532 0130 01', mandateConsent: true });
    const errors = errorsOf(dogTax, data);
    expect(errors.map((error) => error.path)).toEqual(['payment.iban']);
    expect(errors[0]?.message).toMatch(/^IBAN: Die IBAN ist ungültig\./);

    data = setAtPath(data, 'payment.iban', 'de89 3704 0044 0532 0130 00');
    const result = validator.validate(dogTax, data);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(getAtPath(result.data, 'payment.iban')).toBe('DE89370400440532013000');
  });

  it('asks for the mandate checkbox when it is not ticked', () => {
    const data = setAtPath(validData(service(DOG_TAX_ID)), 'payment', {
      method: 'sepa', accountHolder: 'Jörg Weiß', iban: 'DE89370400440532013000', mandateConsent: false,
    });
    const errors = errorsOf(service(DOG_TAX_ID), data);
    expect(errors.map((error) => error.path)).toEqual(['payment.mandateConsent']);
    expect(errors[0]?.message).toMatch(/^Bitte setzen Sie das Häkchen bei „Ich ermächtige/);
  });

  it('rejects SEPA fields when paying by transfer', () => {
    const data = setAtPath(validData(service(DOG_TAX_ID)), 'payment', { method: 'transfer', iban: 'DE89370400440532013000' });
    expect(errorsOf(service(DOG_TAX_ID), data).map((error) => error.path)).toEqual(['payment.iban']);
  });

  it('normalises and checks vehicle registration numbers', () => {
    const parking = service(RESIDENT_PARKING_ID, 2);
    const ok = validator.validate(parking, setAtPath(validData(parking), 'vehicle.registration', 'sn ab 123'));
    if (!ok.ok) throw new Error(JSON.stringify(ok.errors));
    expect(getAtPath(ok.data, 'vehicle.registration')).toBe('SN-AB 123');

    const errors = errorsOf(parking, setAtPath(validData(parking), 'vehicle.registration', 'SNAB123'));
    expect(errors.map((error) => error.path)).toEqual(['vehicle.registration']);
    expect(errors[0]?.message).toContain('Kennzeichen');
  });

  it('keeps versions apart', () => {
    const v2Data = validData(service(RESIDENT_PARKING_ID, 2));
    expect(validator.validate(service(RESIDENT_PARKING_ID, 2), v2Data).ok).toBe(true);
    const errors = errorsOf(service(RESIDENT_PARKING_ID, 1), v2Data);
    expect(errors).toEqual([{ path: 'vehicle.vehicleClass', message: 'Das Feld „vehicle.vehicleClass“ gehört nicht zu diesem Formular. Bitte entfernen Sie die Angabe.' }]);
  });

  it('rejects unknown fields, also __proto__, without touching prototypes', () => {
    const data = JSON.parse('{"__proto__": {"polluted": true}, "nickname": "Jo"}') as Record<string, unknown>;
    const errors = errorsOf(service(DOG_TAX_ID), { ...validData(service(DOG_TAX_ID)), ...data });
    expect(errors.map((error) => error.path).sort()).toEqual(['__proto__', 'nickname']);
    expect(errorAt(errors, 'nickname')).toBe('Das Feld „nickname“ gehört nicht zu diesem Formular. Bitte entfernen Sie die Angabe.');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects numbers sent as text and numbers out of range', () => {
    const certificate = service(REGISTRATION_CERTIFICATE_ID);
    const asText = errorsOf(certificate, setAtPath(validData(certificate), 'certificate.copies', '2'));
    expect(asText).toEqual([{ path: 'certificate.copies', message: 'Anzahl der Ausfertigungen: Bitte geben Sie eine ganze Zahl an.' }]);
    const tooMany = errorsOf(certificate, setAtPath(validData(certificate), 'certificate.copies', 6));
    expect(tooMany).toEqual([{ path: 'certificate.copies', message: '„Anzahl der Ausfertigungen“ darf höchstens 5 sein.' }]);
  });

  it('rejects a value outside the offered choices', () => {
    const certificate = service(REGISTRATION_CERTIFICATE_ID);
    const errors = errorsOf(certificate, setAtPath(validData(certificate), 'certificate.kind', 'gold'));
    expect(errors).toEqual([{ path: 'certificate.kind', message: 'Bitte wählen Sie bei „Welche Meldebescheinigung brauchen Sie?“ eine der angebotenen Möglichkeiten aus.' }]);
  });

  it('explains a pattern with the field help', () => {
    const certificate = service(REGISTRATION_CERTIFICATE_ID);
    const errors = errorsOf(certificate, setAtPath(validData(certificate), 'address.houseNumber', 'zwölf'));
    expect(errors).toEqual([{ path: 'address.houseNumber', message: '„Hausnummer“ hat nicht das erwartete Format. Zum Beispiel 12, 12a oder 12-14.' }]);
  });

  it('rejects form data that is not an object', () => {
    for (const data of [null, 'text', [], 42]) {
      expect(errorsOf(service(DOG_TAX_ID), data)).toEqual([{ path: '', message: 'Die Formularangaben fehlen. Bitte füllen Sie das Formular aus.' }]);
    }
  });
});
