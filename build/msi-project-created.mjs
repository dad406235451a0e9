// electron-builder msiProjectCreated hook: adds a registry value to the WiX project so the app can
// tell that the MSI installed it (HKLM\SOFTWARE\Antragsdesk, InstallKind = "msi"). An MSI install
// is managed by the software distribution and never updates itself; uninstalling removes the value.
import { readFile, writeFile } from 'node:fs/promises';

const ANCHOR = /<ComponentGroup Id="ProductComponents"[^>]*>/;

export const MSI_MARKER_COMPONENT = `
      <Component Id="AntragsdeskInstallKind" Guid="*">
        <RegistryValue Root="HKLM" Key="Software\\Antragsdesk" Name="InstallKind" Type="string" Value="msi" KeyPath="yes"/>
      </Component>`;

export default async function msiProjectCreated(projectFile) {
  const project = await readFile(projectFile, 'utf8');
  if (!ANCHOR.test(project)) {
    throw new Error(`msiProjectCreated: no <ComponentGroup Id="ProductComponents"> in ${projectFile}; the WiX template of electron-builder changed`);
  }
  if (project.includes('Id="AntragsdeskInstallKind"')) return;

  await writeFile(projectFile, project.replace(ANCHOR, (group) => `${group}${MSI_MARKER_COMPONENT}`));
}
