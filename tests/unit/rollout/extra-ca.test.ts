import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTrustedByExtraCa, loadExtraCaCertificates } from '../../../src-main/policy/extra-ca.ts';
import { PolicyError } from '../../../src-main/policy/policy-error.ts';

let folder: string;
let municipalCa: string;
let otherCa: string;
let leafPem: string;

/** Creates a CA or a leaf signed by a CA with the openssl command line tool. */
function openssl(args: string[]): void {
  execFileSync('openssl', args, { cwd: folder, stdio: 'pipe' });
}

function makeCa(name: string): void {
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '30', '-subj', `/CN=${name}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'antragsdesk-ca-'));
  makeCa('municipal-ca');
  makeCa('other-ca');
  openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'portal.key', '-out', 'portal.csr', '-subj', '/CN=portal.schwerin.example']);
  await writeFile(join(folder, 'ext.cnf'), 'subjectAltName=DNS:portal.schwerin.example\nbasicConstraints=CA:FALSE\n');
  openssl(['x509', '-req', '-in', 'portal.csr', '-CA', 'municipal-ca.pem', '-CAkey', 'municipal-ca.key', '-CAcreateserial', '-out', 'portal.pem', '-days', '10', '-extfile', 'ext.cnf']);
  municipalCa = join(folder, 'municipal-ca.pem');
  otherCa = join(folder, 'other-ca.pem');
  leafPem = await readFile(join(folder, 'portal.pem'), 'utf8');
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('extra CA certificates', () => {
  it('trust a portal certificate issued by the municipal CA', async () => {
    const authorities = await loadExtraCaCertificates([municipalCa]);

    expect(isTrustedByExtraCa([leafPem], 'portal.schwerin.example', authorities)).toBe(true);
  });

  it('reject a certificate for another host name', async () => {
    const authorities = await loadExtraCaCertificates([municipalCa]);

    expect(isTrustedByExtraCa([leafPem], 'evil.example', authorities)).toBe(false);
  });

  it('reject a certificate from another CA', async () => {
    const authorities = await loadExtraCaCertificates([otherCa]);

    expect(isTrustedByExtraCa([leafPem], 'portal.schwerin.example', authorities)).toBe(false);
  });

  it('reject an expired certificate', async () => {
    const authorities = await loadExtraCaCertificates([municipalCa]);
    const later = new Date(Date.now() + 20 * 24 * 3600 * 1000);

    expect(isTrustedByExtraCa([leafPem], 'portal.schwerin.example', authorities, later)).toBe(false);
  });

  it('refuse a leaf certificate as CA', async () => {
    const leafFile = join(folder, 'portal.pem');

    await expect(loadExtraCaCertificates([leafFile])).rejects.toThrow(PolicyError);
    await expect(loadExtraCaCertificates([leafFile])).rejects.toThrow('is not a CA certificate');
  });

  it('report a missing PEM file with its path', async () => {
    const missing = join(folder, 'missing.pem');

    const error = await loadExtraCaCertificates([missing]).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(PolicyError);
    expect((error as PolicyError).source).toBe(missing);
    expect((error as PolicyError).key).toBe('extraCaCertificates');
  });
});
