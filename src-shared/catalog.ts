// The service catalog as the portal publishes it: authorities, places and versioned services with
// their forms (JSON Schema 2020-12 plus UI hints).
import { z } from 'zod';
import { Ars, AuthorityKind, LeikaId, ResponsibleLevel } from './domain.ts';
import { APPLICATION_STATUSES } from './status.ts';
import { FeeRule } from './fees.ts';

export const Authority = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: AuthorityKind,
  ars: Ars,
  /** Two to four capital letters that start the reference numbers of this authority. */
  referencePrefix: z.string().regex(/^[A-Z]{2,4}$/),
  /** The Landkreis this authority belongs to; null for a kreisfreie Stadt and for the district. */
  parentDistrictId: z.string().nullable(),
  /** Department that processes the district-level services, shown on receipts. */
  department: z.string().optional(),
  address: z.string(),
  email: z.email().optional(),
  /** True where region key or contact data are invented for the demo. */
  demoValues: z.boolean().default(false),
});
export type Authority = z.infer<typeof Authority>;

/** A municipality (Gemeinde) an applicant can live in, with the authorities responsible for it. */
export const Place = z.object({
  ars: Ars,
  name: z.string(),
  postcodes: z.array(z.string().regex(/^\d{5}$/)).min(1),
  /** Town or Amt that handles municipal-level services for this place. */
  municipalAuthorityId: z.string(),
  /** Landkreis, or the kreisfreie Stadt itself, that handles district-level services. */
  districtAuthorityId: z.string(),
  demoValues: z.boolean().default(false),
});
export type Place = z.infer<typeof Place>;

export const UiWidget = z.enum([
  'text', 'textarea', 'date', 'postcode', 'iban', 'email', 'phone', 'vehicle_registration',
  'select', 'radio', 'checkbox', 'number', 'place',
]);
export type UiWidget = z.infer<typeof UiWidget>;

/** UI hints for one form field, addressed by its JSON Pointer-like dotted path (e.g. `applicant.name`). */
export const UiField = z.object({
  path: z.string(),
  label: z.string(),
  help: z.string().optional(),
  widget: UiWidget,
  /** Labels for enum values, in the order they are offered. */
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  autocomplete: z.string().optional(),
});
export type UiField = z.infer<typeof UiField>;

export const UiStep = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().optional(),
  /** Field paths in display order. */
  fields: z.array(z.string()),
});

export const UiHints = z.object({
  steps: z.array(UiStep).min(1),
  fields: z.array(UiField),
});
export type UiHints = z.infer<typeof UiHints>;

export const RequiredDocument = z.object({
  id: z.string(),
  label: z.string(),
  help: z.string().optional(),
  required: z.boolean(),
  acceptedTypes: z.array(z.enum(['application/pdf', 'image/jpeg', 'image/png'])).min(1),
  maxBytes: z.number().int().positive(),
});
export type RequiredDocument = z.infer<typeof RequiredDocument>;

export const StatusTexts = z.partialRecord(z.enum(APPLICATION_STATUSES), z.string());

/** Translated service texts; keys are language codes (en, uk, ar, tr, de-x-ls for Leichte Sprache). */
export const ServiceTranslation = z.object({ name: z.string(), description: z.string() });

export const Service = z.object({
  id: LeikaId,
  version: z.number().int().positive(),
  name: z.string(),
  description: z.string(),
  level: ResponsibleLevel,
  /** Fee in euro cents; 0 for free services. */
  feeCents: z.number().int().nonnegative(),
  /** How the fee depends on the form (kind and number of copies); without it, feeCents applies. */
  feeRule: FeeRule.optional(),
  feeNote: z.string().optional(),
  deadlineDays: z.number().int().positive(),
  /**
   * Dotted path of the form field that holds the ARS of the place the application concerns (the
   * applicant's home for a parking permit, the venue for an event); routing reads it.
   */
  routingField: z.string(),
  formSchema: z.record(z.string(), z.unknown()),
  uiHints: UiHints,
  documents: z.array(RequiredDocument),
  statusTexts: StatusTexts,
  translations: z.record(z.string(), ServiceTranslation).default({}),
  demoValues: z.boolean().default(false),
});
export type Service = z.infer<typeof Service>;

/** Catalog entry without the form, for pickers and lists. */
export const ServiceSummary = Service.pick({
  id: true, version: true, name: true, description: true, level: true, feeCents: true, feeRule: true, deadlineDays: true, translations: true,
});
export type ServiceSummary = z.infer<typeof ServiceSummary>;
