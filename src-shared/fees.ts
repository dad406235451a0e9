// The fee of one application: the service's base fee, or a price picked by a form field (simple
// or extended certificate), times the number of items in another field (copies). Citizens see it
// on the review step, and the portal and the clerk app can compute the same figure.
import { z } from 'zod';
import { getAtPath } from './forms/paths.ts';

export const FeeRule = z.object({
  /** Dotted path of the field whose value picks the price per item, e.g. `certificate.kind`. */
  priceField: z.string().optional(),
  /** Price per item in euro cents by the value of priceField; other values cost the base fee. */
  centsByValue: z.record(z.string(), z.number().int().nonnegative()).default({}),
  /** Dotted path of the field with the number of items, e.g. `certificate.copies`. */
  quantityField: z.string().optional(),
});
export type FeeRule = z.infer<typeof FeeRule>;

export const ApplicationFee = z.object({
  /** Price of one item in euro cents. */
  unitCents: z.number().int().nonnegative(),
  quantity: z.number().int().min(1),
  totalCents: z.number().int().nonnegative(),
});
export type ApplicationFee = z.infer<typeof ApplicationFee>;

/**
 * Computes the fee for the form data as filled in so far. A missing or invalid quantity counts as
 * one item, so the review step never shows less than the price of one.
 */
export function applicationFee(service: { feeCents: number; feeRule?: FeeRule }, formData: unknown): ApplicationFee {
  const rule = service.feeRule;
  const priceKey = rule?.priceField ? getAtPath(formData, rule.priceField) : undefined;
  const unitCents = typeof priceKey === 'string' ? (rule?.centsByValue[priceKey] ?? service.feeCents) : service.feeCents;

  // The form keeps a number field as typed text until it is submitted.
  const requested = rule?.quantityField ? getAtPath(formData, rule.quantityField) : undefined;
  const count = typeof requested === 'string' && /^\d+$/.test(requested.trim()) ? Number(requested.trim()) : requested;
  const quantity = typeof count === 'number' && Number.isInteger(count) && count >= 1 ? count : 1;

  return { unitCents, quantity, totalCents: unitCents * quantity };
}

/**
 * Returns the price range of a service before the form is filled in: the cheapest price of one item,
 * and whether the kind or the number of items can make it cost more.
 */
export function feeRange(service: { feeCents: number; feeRule?: FeeRule }): { fromCents: number; varies: boolean } {
  const rule = service.feeRule;
  const prices = [service.feeCents, ...Object.values(rule?.centsByValue ?? {})];
  const fromCents = Math.min(...prices);
  const varies = rule?.quantityField !== undefined || prices.some((cents) => cents !== fromCents);
  return { fromCents, varies };
}

/**
 * Formats a fee in a BCP 47 locale, e.g. "15,00 € (3 × 5,00 €)" in de-DE, or returns `noFeeText`
 * when there is nothing to pay.
 */
export function formatApplicationFeeInLocale(fee: ApplicationFee, intlLocale: string, noFeeText: string): string {
  if (fee.totalCents === 0) return noFeeText;

  const euro = new Intl.NumberFormat(intlLocale, { style: 'currency', currency: 'EUR' });
  const total = euro.format(fee.totalCents / 100);
  return fee.quantity > 1 ? `${total} (${fee.quantity} × ${euro.format(fee.unitCents / 100)})` : total;
}

/** Formats a fee as on a German document, e.g. "15,00 € (3 × 5,00 €)" or "Keine Gebühr". */
export function formatApplicationFeeDe(fee: ApplicationFee): string {
  return formatApplicationFeeInLocale(fee, 'de-DE', 'Keine Gebühr');
}
