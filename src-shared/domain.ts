// Identifiers and small value types of the domain, shared by portal, desktop app and web pages.
import { z } from 'zod';

/** LeiKa service id, e.g. urn:de:fim:leika:leistung:99050012104000. */
export const LEIKA_ID_PATTERN = /^urn:de:fim:leika:leistung:\d{14}$/;
export const LeikaId = z.string().regex(LEIKA_ID_PATTERN, 'expected urn:de:fim:leika:leistung:<14 digits>');

/** Amtlicher Regionalschlüssel: 12 digits. */
export const Ars = z.string().regex(/^\d{12}$/, 'expected a 12-digit Amtlicher Regionalschlüssel');

/** Human reference number: authority code, year and a six-digit counter, e.g. SN-2026-000123. */
export const REFERENCE_PATTERN = /^[A-Z]{2,4}-\d{4}-\d{6}$/;
export const ReferenceNumber = z.string().regex(REFERENCE_PATTERN, 'expected a reference like SN-2026-000123');

export const CHANNELS = ['online', 'kiosk', 'assisted'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const CHANNEL_LABELS_DE: Record<Channel, string> = {
  online: 'Online',
  kiosk: 'Bürgerterminal',
  assisted: 'Vor Ort erfasst',
};

export const AUTHORITY_KINDS = ['city', 'amt', 'district'] as const;
export const AuthorityKind = z.enum(AUTHORITY_KINDS);
export type AuthorityKind = z.infer<typeof AuthorityKind>;

/**
 * Level of government that must process a service: `municipal` goes to the town or Amt of the
 * applicant's place, `district` to the Landkreis, or to the city itself where it is kreisfrei.
 */
export const RESPONSIBLE_LEVELS = ['municipal', 'district'] as const;
export const ResponsibleLevel = z.enum(RESPONSIBLE_LEVELS);
export type ResponsibleLevel = z.infer<typeof ResponsibleLevel>;

export const ROLES = ['clerk', 'team_lead', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const ROLE_LABELS_DE: Record<Role, string> = {
  clerk: 'Sachbearbeitung',
  team_lead: 'Teamleitung',
  admin: 'Administration',
};

/** Calendar date without time zone, as stored in forms and deadlines. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const Uuid = z.uuid();

/** Idempotency keys are chosen by the client; any printable token of sensible length works. */
export const IdempotencyKey = z.string().min(8).max(200).regex(/^[\x21-\x7e]+$/, 'expected 8 to 200 printable ASCII characters');
