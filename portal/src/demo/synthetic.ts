// Synthetic applications for demos, tests and the intake benchmark. Values come from the form
// schema of each service, so a new service or version needs no change here. Field names such as
// givenName or street select realistic invented values. All people and accounts are invented.
import type { Place, Service, SubmitApplicationRequest } from '../../../src-shared/index.ts';
import { addCalendarDays } from '../../../src-shared/index.ts';
import type { JsonSchema } from '../../../src-shared/forms/conditions.ts';
import { isObjectSchema } from '../../../src-shared/forms/conditions.ts';
import { isPlainObject } from '../../../src-shared/forms/paths.ts';

export interface SyntheticOptions {
  count: number;
  /** Same seed, same services and places: same submissions. */
  seed?: number;
  services: Service[];
  places: Place[];
}

/**
 * Yields `count` online submissions without attachments, taking the services in turn. The form data
 * is valid for each service's schema. Services with mandatory documents still need the caller to
 * add the files.
 */
export function* createSyntheticSubmissions(options: SyntheticOptions): Generator<SubmitApplicationRequest> {
  if (options.services.length === 0) throw new RangeError('createSyntheticSubmissions needs at least one service');
  if (options.places.length === 0) throw new RangeError('createSyntheticSubmissions needs at least one place');
  const random = createRandom(options.seed ?? 1);

  for (let index = 0; index < options.count; index += 1) {
    const service = options.services[index % options.services.length] as Service;
    const context: GenerationContext = { random, places: options.places, person: pickPerson(random) };

    yield {
      serviceId: service.id,
      serviceVersion: service.version,
      channel: 'online',
      formData: generateObject(service.formSchema as JsonSchema, context, ''),
      attachments: [],
      locale: 'de',
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Deterministic random numbers

interface Random {
  next(): number;
  integer(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

/** mulberry32: small, fast and good enough for test data; not for anything secret. */
function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    integer: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    chance: (probability) => next() < probability,
  };
}

// ---------------------------------------------------------------------------------------------
// Invented people and places

const GIVEN_NAMES = [
  'Jürgen', 'Björn', 'Sören', 'Jörg', 'Käthe', 'Hülya', 'Mareike', 'Ümit', 'Anja', 'Lena', 'Mohammed', 'Olena',
  'Maximilian', 'Zoë', 'Grete', 'Ömer', 'Svenja', 'Raphaël', 'Lütfiye', 'Till', 'Bärbel', 'Jonas', 'Ayşe', 'Dörte',
];
const FAMILY_NAMES = [
  'Müller', 'Weiß', 'Özdemir', 'Schröder', 'Groß', 'Krüger', 'Jäger', 'Böhm', 'Strauß', 'Schäfer', 'Köhler', 'Fuß',
  'Nguyen', 'Kowalski', 'Yılmaz', 'Hoffmann', 'Meißner', 'Lößner', 'Petersen', 'Bäumer', 'Kuß', 'Türk', 'Dąbrowski', 'Voß',
];
const STREETS = [
  'Schloßstraße', 'Mecklenburgstraße', 'Lübecker Straße', 'Am Pfaffenteich', 'Goethestraße', 'Große Wasserstraße',
  'Gartenweg', 'Lindenallee', 'Mühlenstraße', 'Kirchplatz', 'Friedrich-Engels-Straße', 'Am Störkanal', 'Bahnhofstraße',
];
const COMPANIES = ['Ostsee Logistik GmbH', 'Lewitz Agrar eG', 'Schweriner Softwarehaus GmbH', 'Pflegedienst Sonnenschein', 'Elde Bau GmbH & Co. KG'];
const ORGANISATIONS = ['Kleingartenverein „Am See“ e. V.', 'SV Blau-Weiß Grabow e. V.', 'Förderverein Schlosspark e. V.', 'Kulturinitiative Elde e. V.'];
const EVENT_NAMES = ['Sommerfest am Teich', 'Flohmarkt im Hof', 'Kinderfest im Park', 'Herbstkonzert', 'Drachenfest auf der Wiese', 'Straßenfest Lindenallee'];
const VENUE_NAMES = ['Marktplatz', 'Festwiese', 'Schulhof', 'Vereinsgelände', 'Gemeindehaus'];
const DOG_NAMES = ['Bello', 'Luna', 'Öskar', 'Frieda', 'Balu', 'Mücke', 'Rocky', 'Jünter'];
const DOG_BREEDS = ['Labrador Retriever', 'Dackel', 'Deutscher Schäferhund', 'Mischling', 'Jack Russell Terrier', 'Münsterländer'];
const PURPOSES = ['für die Bank', 'für den Arbeitgeber', 'für die Wohnungsgenossenschaft', 'für die Kita'];
const DESCRIPTIONS = ['Zwei Pavillons, eine kleine Bühne und ein Kuchenstand.', 'Musik bis 22 Uhr, Getränkestand, Hüpfburg für Kinder.'];
const ZONES = ['Zone A', 'Zone B', 'Zone C', 'Zone D'];
const LANDKREIS_PLATES = ['LUP', 'LWL', 'PCH', 'HGN'];

interface Person {
  givenName: string;
  familyName: string;
}

interface GenerationContext {
  random: Random;
  places: Place[];
  person: Person;
  /** Place chosen for the object being filled, so that postcode and placeArs agree. */
  place?: Place;
}

function pickPerson(random: Random): Person {
  return { givenName: random.pick(GIVEN_NAMES), familyName: random.pick(FAMILY_NAMES) };
}

// ---------------------------------------------------------------------------------------------
// Walking the schema

function generateObject(schema: JsonSchema, parent: GenerationContext, path: string): Record<string, unknown> {
  const properties = propertiesOf(schema);
  const context: GenerationContext = { ...parent };
  if ('placeArs' in properties || 'postcode' in properties) context.place = context.random.pick(context.places);
  // A different person for nested people, e.g. the one responsible for an event's bar.
  if (path !== '' && path !== 'applicant' && 'givenName' in properties) context.person = pickPerson(context.random);

  const values: Record<string, unknown> = {};
  fillFragment(schema, values, context, path);
  return values;
}

/** Fills the fields of one object schema or branch, then the branches whose conditions now hold. */
function fillFragment(fragment: JsonSchema, values: Record<string, unknown>, context: GenerationContext, path: string): void {
  const required = new Set(Array.isArray(fragment.required) ? fragment.required : []);

  for (const [name, fieldSchema] of Object.entries(propertiesOf(fragment))) {
    if (!required.has(name) && !context.random.chance(0.6)) continue;
    const fieldPath = path === '' ? name : `${path}.${name}`;
    values[name] = isObjectSchema(fieldSchema)
      ? generateObject(fieldSchema, context, fieldPath)
      : generateField(name, fieldSchema, values, context, fieldPath);
  }

  const rules = Array.isArray(fragment.allOf) ? fragment.allOf.filter(isPlainObject) : [];
  for (const rule of rules) {
    const branch = isPlainObject(rule.if) && conditionHolds(rule.if, values) ? rule.then : rule.else;
    if (isPlainObject(branch)) fillFragment(branch, values, context, path);
  }
}

function conditionHolds(condition: JsonSchema, values: Record<string, unknown>): boolean {
  return Object.entries(propertiesOf(condition)).every(([name, constraint]) => {
    const value = values[name];
    if (value === undefined) return false;
    if (Object.hasOwn(constraint, 'const')) return value === constraint.const;
    return Array.isArray(constraint.enum) && constraint.enum.includes(value);
  });
}

function propertiesOf(schema: JsonSchema): Record<string, JsonSchema> {
  return isPlainObject(schema.properties) ? (schema.properties as Record<string, JsonSchema>) : {};
}

// ---------------------------------------------------------------------------------------------
// Field values

function generateField(name: string, schema: JsonSchema, siblings: Record<string, unknown>, context: GenerationContext, path: string): unknown {
  const { random } = context;
  if (Object.hasOwn(schema, 'const')) return schema.const;
  if (Array.isArray(schema.enum)) return random.pick(schema.enum);

  if (schema.type === 'integer' || schema.type === 'number') {
    const minimum = typeof schema.minimum === 'number' ? schema.minimum : 0;
    const maximum = typeof schema.maximum === 'number' ? schema.maximum : minimum + 1000;
    const upper = name === 'expectedAttendance' ? Math.min(maximum, 3000) : name === 'copies' ? Math.min(maximum, 3) : maximum;
    return random.integer(minimum, upper);
  }
  if (schema.type === 'boolean') return random.chance(0.5);

  const value = generateString(name, schema, siblings, context, path);
  return typeof schema.maxLength === 'number' ? Array.from(value).slice(0, schema.maxLength).join('') : value;
}

function generateString(name: string, schema: JsonSchema, siblings: Record<string, unknown>, context: GenerationContext, path: string): string {
  const { random, person } = context;

  switch (schema.format) {
    case 'date':
    case 'past-date':
      return generateDate(name, schema, siblings, context, path);
    case 'email':
      return `${asciiName(person.givenName)}.${asciiName(person.familyName)}${random.integer(1, 999)}@${random.pick(['example.org', 'example.com', 'example.net'])}`;
    case 'de-phone':
      return random.chance(0.5) ? `0385 ${random.integer(100000, 9999999)}` : `+49 ${random.integer(150, 179)} ${random.integer(1000000, 99999999)}`;
    case 'de-postcode':
      return context.place ? random.pick(context.place.postcodes) : String(random.integer(10000, 99999));
    case 'ars':
      return (context.place ?? random.pick(context.places)).ars;
    case 'iban':
      return germanIban(random);
    case 'de-vehicle-registration':
      return vehicleRegistration(context);
  }

  switch (name) {
    case 'givenName':
      return person.givenName;
    case 'familyName':
      return person.familyName;
    case 'accountHolder':
      return `${context.person.givenName} ${context.person.familyName}`;
    case 'street':
      return random.pick(STREETS);
    case 'houseNumber':
      return `${random.integer(1, 140)}${random.chance(0.2) ? random.pick(['a', 'b', 'c']) : ''}`;
    case 'city':
      return (context.place ?? random.pick(context.places)).name;
    case 'companyName':
      return random.pick(COMPANIES);
    case 'organisationName':
      return random.pick(ORGANISATIONS);
    case 'zone':
      return random.pick(ZONES);
    case 'description':
      return random.pick(DESCRIPTIONS);
    case 'purpose':
      return random.pick(PURPOSES);
    case 'breed':
      return random.pick(DOG_BREEDS);
    case 'transponderNumber':
      return `276${String(random.integer(0, 999_999)).padStart(6, '0')}${String(random.integer(0, 999_999)).padStart(6, '0')}`;
    case 'dailyStart':
    case 'servingFrom':
      return `${String(random.integer(10, 15)).padStart(2, '0')}:${random.pick(['00', '30'])}`;
    case 'dailyEnd':
    case 'servingUntil':
      return `${random.integer(18, 22)}:${random.pick(['00', '30'])}`;
    case 'name':
      if (path.startsWith('dog.')) return random.pick(DOG_NAMES);
      if (path.startsWith('venue.')) return random.pick(VENUE_NAMES);
      return random.pick(EVENT_NAMES);
    default:
      return `Beispielangabe ${random.integer(1, 9999)}`;
  }
}

/**
 * Dates relative to a fixed day, so that output does not depend on the clock: people are born
 * 1940-2005, dogs 2012-2025, events take place in 2027. A field whose schema has a
 * `formatMinimum` pointing at a sibling lies 0 to 30 days after that sibling.
 */
function generateDate(name: string, schema: JsonSchema, siblings: Record<string, unknown>, context: GenerationContext, path: string): string {
  const { random } = context;
  const minimum = schema.formatMinimum;
  if (isPlainObject(minimum) && typeof minimum.$data === 'string') {
    const sibling = siblings[minimum.$data.replace(/^1\//, '')];
    if (typeof sibling === 'string') return addCalendarDays(sibling, random.integer(0, name === 'endDate' ? 2 : 30));
  }

  if (path.startsWith('dog.')) return randomDate(random, 2012, 2025);
  if (name === 'startDate') return randomDate(random, 2027, 2027);
  return randomDate(random, 1940, 2005);
}

function randomDate(random: Random, fromYear: number, toYear: number): string {
  const year = random.integer(fromYear, toYear);
  const dayOfYear = random.integer(0, 364);
  return addCalendarDays(`${year}-01-01`, dayOfYear);
}

/** ASCII spelling for e-mail local parts: ä → ae, ß → ss, other accents dropped. */
function asciiName(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
}

/** Builds a German IBAN from an invented bank code and account number, with correct check digits. */
function germanIban(random: Random): string {
  const bban = `${random.integer(10000000, 89999999)}${String(random.integer(0, 9_999_999_999)).padStart(10, '0')}`;
  // Check digits: 98 minus (BBAN + "DE" as 1314 + "00") mod 97, computed digit by digit.
  let remainder = 0;
  for (const digit of `${bban}131400`) remainder = (remainder * 10 + Number(digit)) % 97;
  return `DE${String(98 - remainder).padStart(2, '0')}${bban}`;
}

function vehicleRegistration(context: GenerationContext): string {
  const { random } = context;
  const district = context.place?.districtAuthorityId === 'schwerin' ? 'SN' : random.pick(LANDKREIS_PLATES);
  const letters = Array.from({ length: random.integer(1, 2) }, () => String.fromCharCode(random.integer(65, 90))).join('');
  const maxDigits = Math.min(4, 8 - district.length - letters.length);
  const number = random.integer(1, 10 ** maxDigits - 1);
  return `${district}-${letters} ${number}${random.chance(0.1) ? 'E' : ''}`;
}
