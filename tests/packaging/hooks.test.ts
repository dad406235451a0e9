import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

interface AfterPackModule {
  default(context: unknown): Promise<void>;
  SKIP_FUSES_VARIABLE: string;
}

const repository = new URL('../../', import.meta.url);
const afterPackUrl = new URL('build/after-pack.mjs', repository).href;
const msiHookUrl = new URL('build/msi-project-created.mjs', repository).href;
const { default: afterPack, SKIP_FUSES_VARIABLE } = (await import(afterPackUrl)) as AfterPackModule;
const { default: msiProjectCreated } = (await import(msiHookUrl)) as { default(path: string): Promise<void> };

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Fuse order of @electron/fuses FuseV1Options: RunAsNode, EnableCookieEncryption,
// EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments,
// EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar, LoadBrowserProcessSpecificV8Snapshot,
// GrantFileProtocolExtraPrivileges, WasmTrapHandlers. This is Electron's default wire.
const ELECTRON_DEFAULT_WIRE = '101100011';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'antragsdesk-hooks-'));
  delete process.env[SKIP_FUSES_VARIABLE];
});

afterEach(async () => {
  delete process.env[SKIP_FUSES_VARIABLE];
  await rm(folder, { recursive: true, force: true });
});

function linuxContext(appOutDir: string) {
  return { appOutDir, electronPlatformName: 'linux', arch: 1, packager: { executableName: 'antragsdesk', appInfo: { productFilename: 'Antragsdesk' } } };
}

/** Builds file contents laid out like the fuse section of an Electron binary, with code bytes around it. */
function binaryWithFuseWire(wire: string): Buffer {
  return Buffer.concat([Buffer.alloc(4096, 0x90), Buffer.from(SENTINEL), Buffer.from([1, wire.length]), Buffer.from(wire), Buffer.alloc(4096, 0x90)]);
}

function wireOf(binary: Buffer): string {
  const start = binary.indexOf(SENTINEL) + SENTINEL.length + 2;
  return binary.subarray(start, start + ELECTRON_DEFAULT_WIRE.length).toString();
}

describe('afterPack fuses', () => {
  it('fails the build on a stub binary without fuse wire', async () => {
    await writeFile(join(folder, 'antragsdesk'), '#!/bin/sh\necho stub\n');

    await expect(afterPack(linuxContext(folder))).rejects.toThrow(/flipping Electron fuses in .*antragsdesk failed: Could not find sentinel/);
  });

  it('fails when the binary is missing', async () => {
    await expect(afterPack(linuxContext(folder))).rejects.toThrow(/flipping Electron fuses/);
  });

  it('skips only with the documented switch', async () => {
    await writeFile(join(folder, 'antragsdesk'), '#!/bin/sh\necho stub\n');
    process.env[SKIP_FUSES_VARIABLE] = '1';

    await expect(afterPack(linuxContext(folder))).resolves.toBeUndefined();
  });

  it('flips every fuse of the wire to the hardened state', async () => {
    const binary = join(folder, 'antragsdesk');
    await writeFile(binary, binaryWithFuseWire(ELECTRON_DEFAULT_WIRE));

    await afterPack(linuxContext(folder));

    // RunAsNode 0, CookieEncryption 1, NODE_OPTIONS 0, inspect 0, asar integrity 1, only asar 1;
    // the last three stay as Electron ships them.
    expect(wireOf(await readFile(binary))).toBe('010011011');
  });

  it('names the Windows binary after the product', async () => {
    await writeFile(join(folder, 'Antragsdesk.exe'), binaryWithFuseWire(ELECTRON_DEFAULT_WIRE));
    const context = { ...linuxContext(folder), electronPlatformName: 'win32' };

    await afterPack(context);

    expect(wireOf(await readFile(join(folder, 'Antragsdesk.exe')))).toBe('010011011');
  });
});

describe('msiProjectCreated marker', () => {
  // A project in the shape of app-builder-lib/templates/msi/template.xml after rendering.
  const project = `<?xml version="1.0" encoding="UTF-8"?>
<Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
  <Product Id="*" Name="Antragsdesk" UpgradeCode="6f1c3b2a-5d4e-4a8b-9c71-2e0d8f4a6b13" Version="0.1.0" Language="1033" Codepage="65001" Manufacturer="Antragsdesk">
    <Feature Id="ProductFeature" Absent="disallow"><ComponentGroupRef Id="ProductComponents"/></Feature>
    <ComponentGroup Id="ProductComponents" Directory="APPLICATIONFOLDER">
      <Component><File Id="mainExecutable" Source="Antragsdesk.exe" KeyPath="yes"/></Component>
    </ComponentGroup>
  </Product>
</Wix>
`;

  it('adds the InstallKind registry value once', async () => {
    const path = join(folder, 'project.wxs');
    await writeFile(path, project);

    await msiProjectCreated(path);
    await msiProjectCreated(path);

    const result = await readFile(path, 'utf8');
    expect(XMLValidator.validate(result)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'Component' }).parse(result);
    const components = parsed.Wix.Product.ComponentGroup.Component as { RegistryValue?: Record<string, string> }[];
    const markers = components.filter((component) => component.RegistryValue);
    expect(markers).toHaveLength(1);
    expect(markers[0]?.RegistryValue).toMatchObject({ '@Root': 'HKLM', '@Key': 'Software\\Antragsdesk', '@Name': 'InstallKind', '@Value': 'msi' });
  });

  it('fails when the template no longer has the component group', async () => {
    const path = join(folder, 'project.wxs');
    await writeFile(path, '<Wix><Product/></Wix>');

    await expect(msiProjectCreated(path)).rejects.toThrow('the WiX template of electron-builder changed');
  });

  it('matches the component group of the installed electron-builder template', async () => {
    const template = join(folder, 'template.xml');
    await copyFile(new URL('node_modules/app-builder-lib/templates/msi/template.xml', repository), template);

    await msiProjectCreated(template);

    expect(await readFile(template, 'utf8')).toContain('Name="InstallKind"');
  });
});

