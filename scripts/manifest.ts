/**
 * `npm run manifest -- --env <name>`: generates the add-in's manifests for one environment from
 * manifest/environments/<name>.json into dist/manifest/<name>/ (see manifest/src/generate.ts).
 * `--env` may be repeated; `--out <dir>` writes somewhere else.
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { generateManifests, repoRoot } from '../manifest/src/generate';

function main(): void {
  const { values } = parseArgs({
    options: { env: { type: 'string', multiple: true }, out: { type: 'string' } },
    strict: true,
  });
  const envs = values.env ?? [];
  if (envs.length === 0) {
    console.error('usage: npm run manifest -- --env <name> [--env <name> ...] [--out <dir>]');
    process.exitCode = 2;
    return;
  }
  for (const env of envs) {
    const result = generateManifests(env, values.out);
    for (const file of result.files) console.info(`wrote ${relative(repoRoot, `${result.dir}/${file}`)}`);
    for (const warning of result.warnings) console.warn(`warning (${env}): ${warning}`);
  }
}

try {
  main();
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
}
