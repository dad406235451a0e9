// Trust in the certificate authorities of the extraCaCertificates policy (e.g. a municipal CA
// that is not in the system store). The shell calls isTrustedByExtraCa only when Chromium rejected
// a server certificate for an unknown issuer, so every other certificate error stays fatal.
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PolicyError } from './policy-error.ts';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Reads every certificate of the PEM files; a missing file or a non-CA certificate stops the start. */
export async function loadExtraCaCertificates(paths: readonly string[]): Promise<X509Certificate[]> {
  const authorities: X509Certificate[] = [];

  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw new PolicyError({ key: 'extraCaCertificates', source: path, reason: 'unreadable', detail: (error as Error).message, expected: 'a readable PEM file', expectedDe: 'eine lesbare PEM-Datei' });
    }

    const blocks = text.match(PEM_BLOCK) ?? [];
    if (blocks.length === 0) {
      throw new PolicyError({ key: 'extraCaCertificates', source: path, reason: 'invalid', detail: 'no PEM certificate found', expected: 'a PEM file with at least one CA certificate', expectedDe: 'eine PEM-Datei mit mindestens einem CA-Zertifikat' });
    }
    for (const block of blocks) {
      const certificate = new X509Certificate(block);
      if (!certificate.ca) {
        throw new PolicyError({ key: 'extraCaCertificates', source: path, reason: 'invalid', detail: `certificate ${certificate.subject.replace(/\n/g, ', ')} is not a CA certificate`, expected: 'CA certificates only', expectedDe: 'nur CA-Zertifikate' });
      }
      authorities.push(certificate);
    }
  }

  return authorities;
}

function isCurrentlyValid(certificate: X509Certificate, now: Date): boolean {
  return new Date(certificate.validFrom) <= now && now <= new Date(certificate.validTo);
}

/**
 * Checks a server chain (PEM strings, leaf first) against the extra CAs. Every certificate must be
 * valid now and signed by the next one, and the leaf must match hostname. The last certificate
 * must be one of the CAs or be issued and signed by one.
 */
export function isTrustedByExtraCa(chainPem: readonly string[], hostname: string, authorities: readonly X509Certificate[], now: Date = new Date()): boolean {
  if (chainPem.length === 0 || authorities.length === 0) return false;

  const chain = chainPem.map((pem) => new X509Certificate(pem));
  const leaf = chain[0];
  if (!leaf || !leaf.checkHost(hostname)) return false;
  if (!chain.every((certificate) => isCurrentlyValid(certificate, now))) return false;

  for (let index = 0; index < chain.length - 1; index += 1) {
    const child = chain[index];
    const parent = chain[index + 1];
    if (!child || !parent || !parent.ca || !child.checkIssued(parent) || !child.verify(parent.publicKey)) return false;
  }

  const top = chain[chain.length - 1];
  if (!top) return false;
  return authorities.some((authority) =>
    authority.fingerprint256 === top.fingerprint256 ||
    (isCurrentlyValid(authority, now) && top.checkIssued(authority) && top.verify(authority.publicKey)));
}
