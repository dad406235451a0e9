// Lets Chromium accept server certificates issued by the CAs of the extraCaCertificates policy.
import type { X509Certificate } from 'node:crypto';
import { session } from 'electron';
import type { Logger } from '../logging/logger.ts';
import { isTrustedByExtraCa } from '../policy/extra-ca.ts';

interface CertificateLike {
  data: string;
  issuerCert?: CertificateLike | null;
}

interface VerifyRequest {
  hostname: string;
  certificate: CertificateLike;
  verificationResult: string;
  errorCode: number;
}

/** Chromium's own verdict (-3), accept (0). */
const USE_CHROMIUM_RESULT = -3;
const ACCEPT = 0;

function chainOf(certificate: CertificateLike): string[] {
  const chain: string[] = [];
  for (let current: CertificateLike | null | undefined = certificate; current && chain.length < 10; current = current.issuerCert) {
    if (chain.at(-1) === current.data) break;
    chain.push(current.data);
  }
  return chain;
}

export function trustExtraCertificateAuthorities(authorities: readonly X509Certificate[], log: Logger): void {
  if (authorities.length === 0) return;

  session.defaultSession.setCertificateVerifyProc((request: VerifyRequest, callback: (result: number) => void) => {
    // Only an unknown issuer may be overridden; expired, revoked or wrong-host certificates never.
    if (request.errorCode === 0 || request.verificationResult !== 'net::ERR_CERT_AUTHORITY_INVALID') {
      callback(USE_CHROMIUM_RESULT);
      return;
    }

    const trusted = isTrustedByExtraCa(chainOf(request.certificate), request.hostname, authorities);
    if (!trusted) log.warn('tls: certificate rejected, issuer unknown', { hostname: request.hostname });
    callback(trusted ? ACCEPT : USE_CHROMIUM_RESULT);
  });
}
