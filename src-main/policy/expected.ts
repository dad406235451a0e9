// Human descriptions of the value a policy key expects, derived from its schema, for PolicyError
// (English, logs) and the German error screen.
import { policyKeySchema, type PolicyKey } from './schema.ts';

const EXPECTED_URL_EN: Partial<Record<PolicyKey, string>> = {
  portalUrl: 'an https URL, or an http URL for 127.0.0.1, [::1] or localhost',
  updateServerUrl: 'an https URL',
  adminPinHash: 'an scrypt PHC string ($scrypt$ln=..,r=..,p=..$salt$key) made by hash-pin-cli.ts',
};

const EXPECTED_URL_DE: Partial<Record<PolicyKey, string>> = {
  portalUrl: 'eine https-Adresse (http nur für 127.0.0.1, [::1] oder localhost)',
  updateServerUrl: 'eine https-Adresse',
  adminPinHash: 'ein scrypt-Hash im PHC-Format, erzeugt mit hash-pin-cli.ts',
};

export function expectedValueEn(key: PolicyKey): string {
  const schema = policyKeySchema(key);
  const special = EXPECTED_URL_EN[key];
  if (special) return special;

  if (schema.enum) return `one of ${schema.enum.join(', ')}`;

  switch (schema.type) {
    case 'boolean':
      return 'true or false (registry: DWORD 1 or 0)';
    case 'integer':
      return `an integer from ${schema.minimum ?? '-∞'} to ${schema.maximum ?? '∞'}`;
    case 'array': {
      const allowed = (schema.items?.enum as readonly string[] | undefined)?.join(', ');
      return allowed ? `a list of distinct values from ${allowed}` : 'a list of non-empty strings';
    }
    case 'string':
      return `a non-empty string of at most ${schema.maxLength ?? 'any'} characters`;
  }
}

export function expectedValueDe(key: PolicyKey): string {
  const schema = policyKeySchema(key);
  const special = EXPECTED_URL_DE[key];
  if (special) return special;

  if (schema.enum) return `einer der Werte ${schema.enum.join(', ')}`;

  switch (schema.type) {
    case 'boolean':
      return 'true oder false (in der Registry: DWORD 1 oder 0)';
    case 'integer':
      return `eine ganze Zahl von ${schema.minimum ?? '-∞'} bis ${schema.maximum ?? '∞'}`;
    case 'array': {
      const allowed = (schema.items?.enum as readonly string[] | undefined)?.join(', ');
      return allowed ? `eine Liste verschiedener Werte aus ${allowed}` : 'eine Liste nicht leerer Texte';
    }
    case 'string':
      return `ein nicht leerer Text mit höchstens ${schema.maxLength ?? 'beliebig vielen'} Zeichen`;
  }
}
