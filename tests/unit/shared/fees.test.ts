import { describe, expect, it } from 'vitest';
import { applicationFee, feeRange, formatApplicationFeeDe } from '../../../src-shared/fees.ts';
import { registrationCertificateService } from '../../../portal/src/catalog/demo/registration-certificate.ts';

const registrationCertificate = registrationCertificateService();

const certificate = (kind: unknown, copies: unknown) => ({ certificate: { kind, copies } });

describe('applicationFee', () => {
  it('multiplies the price by the copies', () => {
    expect(applicationFee(registrationCertificate, certificate('simple', 2))).toEqual({ unitCents: 500, quantity: 2, totalCents: 1000 });
  });

  it('picks the price of the extended certificate', () => {
    expect(applicationFee(registrationCertificate, certificate('extended', 3)).totalCents).toBe(3000);
  });

  it('reads copies typed as text', () => {
    expect(applicationFee(registrationCertificate, certificate('simple', ' 4 ')).quantity).toBe(4);
  });

  it('counts one copy for missing or invalid input', () => {
    for (const copies of [undefined, 0, -2, 1.5, 'zwei', '']) {
      expect(applicationFee(registrationCertificate, certificate('simple', copies)).quantity, String(copies)).toBe(1);
    }
  });

  it('uses the base fee for an unknown kind or no rule', () => {
    expect(applicationFee(registrationCertificate, certificate('gold', 1)).unitCents).toBe(500);
    expect(applicationFee({ feeCents: 3070 }, { certificate: { copies: 9 } })).toEqual({ unitCents: 3070, quantity: 1, totalCents: 3070 });
  });
});

describe('formatApplicationFeeDe', () => {
  it('shows copies and the price of one', () => {
    expect(formatApplicationFeeDe({ unitCents: 500, quantity: 3, totalCents: 1500 })).toBe('15,00\u00a0€ (3 × 5,00\u00a0€)');
  });

  it('shows one item without the multiplication', () => {
    expect(formatApplicationFeeDe({ unitCents: 3070, quantity: 1, totalCents: 3070 })).toBe('30,70\u00a0€');
  });

  it('names a missing fee', () => {
    expect(formatApplicationFeeDe({ unitCents: 0, quantity: 1, totalCents: 0 })).toBe('Keine Gebühr');
  });
});

describe('feeRange', () => {
  it('starts at the cheapest kind and varies with kind and copies', () => {
    expect(feeRange(registrationCertificate)).toEqual({ fromCents: 500, varies: true });
  });

  it('is fixed for a service without a rule', () => {
    expect(feeRange({ feeCents: 3070 })).toEqual({ fromCents: 3070, varies: false });
    expect(feeRange({ feeCents: 0 })).toEqual({ fromCents: 0, varies: false });
  });

  it('varies with copies alone', () => {
    expect(feeRange({ feeCents: 800, feeRule: { centsByValue: {}, quantityField: 'copies' } })).toEqual({ fromCents: 800, varies: true });
  });
});
