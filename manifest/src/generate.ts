import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createZip } from '../../scripts/lib/zip';
import { loadEnvironment, placeholderWarnings, environmentsDir } from './environment';
import { addinModel as m } from './manifestModel';
import { buildUnifiedManifest } from './unifiedManifest';
import { buildXmlManifest } from './xmlManifest';

export const repoRoot = join(__dirname, '..', '..');
export const assetsDir = join(repoRoot, 'addin', 'assets');

export interface GeneratedManifests {
  dir: string;
  files: string[];
  warnings: string[];
}

/**
 * Writes, for one environment, into <outRoot>/<env>/:
 *   manifest.json  the unified manifest
 *   manifest.xml   the add-in only manifest
 *   color.png, outline.png  the icons the unified manifest names
 *   <env>-app-package.zip   what the Microsoft 365 admin center takes for the unified manifest
 *                           (manifest.json and both icons at the root of the zip)
 */
export function generateManifests(
  envName: string,
  outRoot: string = join(repoRoot, 'dist', 'manifest'),
  envDir: string = environmentsDir,
): GeneratedManifests {
  const env = loadEnvironment(envName, envDir);
  const dir = join(outRoot, envName);
  mkdirSync(dir, { recursive: true });
  const manifestJson = Buffer.from(`${JSON.stringify(buildUnifiedManifest(env), null, 2)}\n`, 'utf8');
  const color = readFileSync(join(assetsDir, m.packageColorIcon));
  const outline = readFileSync(join(assetsDir, m.packageOutlineIcon));
  const packageName = `${envName}-app-package.zip`;
  const outputs: [string, Buffer | string][] = [
    ['manifest.json', manifestJson],
    ['manifest.xml', buildXmlManifest(env)],
    [m.packageColorIcon, color],
    [m.packageOutlineIcon, outline],
    [
      packageName,
      createZip([
        { name: 'manifest.json', data: manifestJson },
        { name: m.packageColorIcon, data: color },
        { name: m.packageOutlineIcon, data: outline },
      ]),
    ],
  ];
  for (const [file, data] of outputs) writeFileSync(join(dir, file), data);
  return { dir, files: outputs.map(([file]) => file), warnings: placeholderWarnings(env) };
}
