// JSON Schema (2020-12) of every machine policy key. It is the single source for validation
// (validate.ts), the ADMX/ADML templates (scripts/generate-admx.ts) and the key tables in
// docs/*/rollout.md. The `x-*` annotations carry the German texts and rollout hints; validate.ts
// registers them as a vocabulary so ajv's strict mode accepts them.

export const POLICY_SCHEMA_ID = 'https://antragsdesk.example/schemas/machine-policy.json';

/** Registry key below HKLM and HKCU that Group Policy writes to. */
export const POLICY_REGISTRY_PATH = 'SOFTWARE\\Policies\\Antragsdesk';

export const POLICY_ANNOTATIONS = ['x-label-de', 'x-description-de', 'x-scope', 'x-secret', 'x-cli-flag'] as const;

/**
 * Layers allowed to set a key. `machine` keys count only from registry policy and the machine
 * policy file, because a user-writable file or a flag must not change who may unlock the kiosk or
 * which server an update comes from.
 */
export type PolicyScope = 'machine' | 'any';

export interface PolicyKeySchema {
  type: 'string' | 'integer' | 'boolean' | 'array';
  title: string;
  description: string;
  'x-label-de': string;
  'x-description-de': string;
  'x-scope': PolicyScope;
  'x-secret'?: boolean;
  /** Command-line flag that may set the key when no policy layer does, e.g. `--portal-url`. */
  'x-cli-flag'?: string;
  default?: unknown;
  enum?: readonly string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  items?: Record<string, unknown>;
  uniqueItems?: boolean;
  minItems?: number;
}

export const LANGUAGES = ['de', 'en', 'uk', 'ar', 'tr', 'de-x-ls'] as const;
export const MODES = ['clerk', 'kiosk'] as const;
export const KIOSK_PAPERS = ['roll80mm', 'a4'] as const;
export const UPDATE_CHANNELS = ['latest', 'beta'] as const;
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;

/** https anywhere, plain http only for a loopback portal (development, a portal on the same PC). */
const PORTAL_URL_PATTERN = '^(https://[^\\s/]+|http://(127\\.0\\.0\\.1|\\[::1\\]|localhost)(:[0-9]{1,5})?)(/\\S*)?$';

/** PHC string of an scrypt hash, as produced by pin-hash.ts: $scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<key>. */
export const ADMIN_PIN_HASH_PATTERN = '^\\$scrypt\\$ln=[0-9]{1,2},r=[0-9]{1,2},p=[0-9]{1,2}\\$[A-Za-z0-9+/]{22,}\\$[A-Za-z0-9+/]{43,}$';

export const POLICY_PROPERTIES = {
  portalUrl: {
    type: 'string',
    title: 'Portal URL',
    description: 'Base URL of the Antragsdesk portal this machine talks to. https, or http only for a loopback address.',
    'x-label-de': 'Portal-Adresse',
    'x-description-de': 'Basisadresse des Antragsdesk-Portals, mit dem dieser Rechner arbeitet. Nur https; http ist nur für 127.0.0.1, [::1] oder localhost erlaubt.',
    'x-scope': 'any',
    'x-cli-flag': '--portal-url',
    format: 'uri',
    pattern: PORTAL_URL_PATTERN,
    maxLength: 2048,
  },
  mode: {
    type: 'string',
    title: 'Mode',
    description: 'clerk opens the inbox for clerks, kiosk opens the locked-down citizen terminal.',
    'x-label-de': 'Betriebsart',
    'x-description-de': 'clerk: Sachbearbeitung mit Posteingang. kiosk: gesperrtes Bürgerterminal.',
    'x-scope': 'any',
    'x-cli-flag': '--mode',
    enum: MODES,
    default: 'clerk',
  },
  kioskDeviceTokenFile: {
    type: 'string',
    title: 'Kiosk device token file',
    description: 'Path of the file that contains the device token the kiosk uses to authenticate at the portal.',
    'x-label-de': 'Datei mit dem Geräte-Token des Bürgerterminals',
    'x-description-de': 'Pfad der Datei, die das Geräte-Token enthält, mit dem sich das Bürgerterminal beim Portal anmeldet.',
    'x-scope': 'machine',
    minLength: 1,
    maxLength: 1024,
  },
  kioskPrinter: {
    type: 'string',
    title: 'Kiosk receipt printer',
    description: 'Name of the printer for receipts, as the operating system lists it. Unset means the default printer.',
    'x-label-de': 'Drucker für Eingangsbestätigungen',
    'x-description-de': 'Name des Druckers für Eingangsbestätigungen, wie ihn das Betriebssystem anzeigt. Ohne Angabe wird der Standarddrucker verwendet.',
    'x-scope': 'any',
    minLength: 1,
    maxLength: 256,
  },
  kioskPaper: {
    type: 'string',
    title: 'Kiosk receipt paper',
    description: 'Paper of the receipt printer: roll80mm for an 80 mm thermal roll, a4 for sheets.',
    'x-label-de': 'Papier für Eingangsbestätigungen',
    'x-description-de': 'roll80mm: Thermorolle 80 mm. a4: DIN-A4-Blatt.',
    'x-scope': 'any',
    enum: KIOSK_PAPERS,
    default: 'roll80mm',
  },
  idleTimeoutSeconds: {
    type: 'integer',
    title: 'Kiosk idle timeout (seconds)',
    description: 'Seconds without input after which the kiosk discards the open form and returns to the start screen.',
    'x-label-de': 'Zeit bis zum Zurücksetzen des Bürgerterminals (Sekunden)',
    'x-description-de': 'Sekunden ohne Eingabe, nach denen das Bürgerterminal das offene Formular verwirft und zur Startseite zurückkehrt. Mindestens 30.',
    'x-scope': 'any',
    minimum: 30,
    maximum: 3600,
    default: 120,
  },
  languages: {
    type: 'array',
    title: 'Offered languages',
    description: 'Languages the kiosk offers. de-x-ls is German in Leichte Sprache.',
    'x-label-de': 'Angebotene Sprachen',
    'x-description-de': 'Sprachen, die das Bürgerterminal anbietet: de, en, uk, ar, tr und de-x-ls (Leichte Sprache).',
    'x-scope': 'any',
    items: { type: 'string', enum: LANGUAGES },
    uniqueItems: true,
    minItems: 1,
    default: [...LANGUAGES],
  },
  scannerFolder: {
    type: 'string',
    title: 'Scanner folder',
    description: 'Folder where the document scanner stores its files; the app offers new files there as attachments.',
    'x-label-de': 'Scanner-Ordner',
    'x-description-de': 'Ordner, in dem der Dokumentenscanner seine Dateien ablegt. Neue Dateien dort bietet die App als Anlagen an.',
    'x-scope': 'any',
    minLength: 1,
    maxLength: 1024,
  },
  adminPinHash: {
    type: 'string',
    title: 'Kiosk admin PIN hash',
    description: 'scrypt hash (PHC string) of the PIN that lets staff leave the kiosk. Create it with src-main/policy/hash-pin-cli.ts.',
    'x-label-de': 'Hash der Administrations-PIN',
    'x-description-de': 'scrypt-Hash (PHC-Format) der PIN, mit der Personal das Bürgerterminal verlassen kann. Erzeugen mit: node src-main/policy/hash-pin-cli.ts',
    'x-scope': 'machine',
    'x-secret': true,
    pattern: ADMIN_PIN_HASH_PATTERN,
    maxLength: 512,
  },
  offlineIntakeAllowed: {
    type: 'boolean',
    title: 'Allow offline intake',
    description: 'Whether the kiosk accepts applications while the portal is unreachable and submits them later.',
    'x-label-de': 'Annahme ohne Verbindung erlauben',
    'x-description-de': 'Legt fest, ob das Bürgerterminal Anträge annimmt, während das Portal nicht erreichbar ist, und sie später übermittelt.',
    'x-scope': 'any',
    default: false,
  },
  kioskOnScreenKeyboard: {
    type: 'boolean',
    title: 'Kiosk on-screen keyboard',
    description: 'Whether the kiosk offers its on-screen keyboard with the German layout, for terminals with a touch screen and no keyboard.',
    'x-label-de': 'Bildschirmtastatur am Bürgerterminal',
    'x-description-de': 'Legt fest, ob das Bürgerterminal seine Bildschirmtastatur (deutsche Belegung) anbietet, für Geräte mit Touchscreen ohne Tastatur.',
    'x-scope': 'any',
    default: false,
  },
  updateChannel: {
    type: 'string',
    title: 'Update channel',
    description: 'latest for released versions, beta for pre-releases on test machines.',
    'x-label-de': 'Update-Kanal',
    'x-description-de': 'latest: freigegebene Versionen. beta: Vorabversionen für Testrechner.',
    'x-scope': 'any',
    enum: UPDATE_CHANNELS,
    default: 'latest',
  },
  updatesEnabled: {
    type: 'boolean',
    title: 'Automatic updates',
    description: 'Whether the app checks for, downloads and installs updates itself. MSI and deb installs never self-update.',
    'x-label-de': 'Automatische Updates',
    'x-description-de': 'Legt fest, ob die App selbst nach Updates sucht, sie lädt und installiert. Installationen per MSI oder deb aktualisieren sich nie selbst.',
    'x-scope': 'machine',
    default: true,
  },
  updateServerUrl: {
    type: 'string',
    title: 'Update server URL',
    description: 'Folder URL that contains latest.yml, beta.yml and the installers. https only.',
    'x-label-de': 'Adresse des Update-Servers',
    'x-description-de': 'Adresse des Ordners mit latest.yml, beta.yml und den Installationsdateien. Nur https.',
    'x-scope': 'machine',
    format: 'uri',
    pattern: '^https://[^\\s/]+(/\\S*)?$',
    maxLength: 2048,
  },
  extraCaCertificates: {
    type: 'array',
    title: 'Extra CA certificates',
    description: 'PEM files of certificate authorities to trust in addition to the system store, e.g. the municipal CA.',
    'x-label-de': 'Zusätzliche CA-Zertifikate',
    'x-description-de': 'PEM-Dateien von Zertifizierungsstellen, denen zusätzlich zum Zertifikatsspeicher des Systems vertraut wird, z. B. der kommunalen CA.',
    'x-scope': 'machine',
    items: { type: 'string', minLength: 1, maxLength: 1024 },
    default: [],
  },
  logLevel: {
    type: 'string',
    title: 'Log level',
    description: 'Lowest level written to the log file.',
    'x-label-de': 'Protokollstufe',
    'x-description-de': 'Niedrigste Stufe, die in die Protokolldatei geschrieben wird: error, warn, info oder debug.',
    'x-scope': 'any',
    'x-cli-flag': '--log-level',
    enum: LOG_LEVELS,
    default: 'info',
  },
} as const satisfies Record<string, PolicyKeySchema>;

export type PolicyKey = keyof typeof POLICY_PROPERTIES;

export const POLICY_KEYS = Object.keys(POLICY_PROPERTIES) as PolicyKey[];

export const POLICY_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: POLICY_SCHEMA_ID,
  title: 'Antragsdesk machine policy',
  type: 'object',
  properties: POLICY_PROPERTIES,
  // Unknown keys are logged and dropped by the loader before validation, so the schema itself
  // stays strict for anyone who validates a policy.json with it.
  additionalProperties: false,
} as const;

/** Effective values after all layers are merged. Keys without a default may be unset. */
export interface PolicyValues {
  portalUrl?: string;
  mode: (typeof MODES)[number];
  kioskDeviceTokenFile?: string;
  kioskPrinter?: string;
  kioskPaper: (typeof KIOSK_PAPERS)[number];
  idleTimeoutSeconds: number;
  languages: (typeof LANGUAGES)[number][];
  scannerFolder?: string;
  adminPinHash?: string;
  offlineIntakeAllowed: boolean;
  kioskOnScreenKeyboard: boolean;
  updateChannel: (typeof UPDATE_CHANNELS)[number];
  updatesEnabled: boolean;
  updateServerUrl?: string;
  extraCaCertificates: string[];
  logLevel: (typeof LOG_LEVELS)[number];
}

export function isPolicyKey(name: string): name is PolicyKey {
  return Object.hasOwn(POLICY_PROPERTIES, name);
}

export function policyKeySchema(key: PolicyKey): PolicyKeySchema {
  return POLICY_PROPERTIES[key];
}
