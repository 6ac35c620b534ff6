import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * One environment description (manifest/environments/<name>.json) is the single source for both manifests:
 * the add-in's id, names, where its pages live and which Entra app it signs in with. Both manifests are
 * generated from it, so the unified and the XML manifest cannot drift apart.
 */
const guid = z
  .string()
  .regex(
    /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/,
    'must be a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)',
  );
const httpsUrl = z.url({ protocol: /^https$/ });

export const environmentSchema = z
  .object({
    /** The add-in's own id (unified manifest `id`, XML `<Id>`). New GUID per organisation; never reuse one. */
    appId: guid,
    /** n.n.n; raise it for every change to the manifest, the XML manifest gets n.n.n.0. */
    version: z.string().regex(/^\d{1,5}\.\d{1,5}\.\d{1,5}$/, 'must be n.n.n'),
    name: z.object({ short: z.string().min(1).max(30), full: z.string().min(1).max(100) }),
    description: z.object({ short: z.string().min(1).max(80), full: z.string().min(1).max(4000) }),
    developer: z.object({
      name: z.string().min(1).max(32),
      websiteUrl: httpsUrl,
      privacyUrl: httpsUrl,
      termsOfUseUrl: httpsUrl,
    }),
    /** Where users find help (XML `<SupportUrl>`). */
    supportUrl: httpsUrl,
    /** Origin (and optional path) where the task pane's static site is served, without a trailing slash. */
    addinUrl: httpsUrl.refine((u) => !u.endsWith('/') && !u.includes('?') && !u.includes('#'), {
      message: 'no trailing slash, query or fragment',
    }),
    /** Client id of the add-in's SPA app registration (NAA, `createNestablePublicClientApplication`). */
    addinClientId: guid,
    /** The API scope the task pane asks for, exactly as in its token request (e.g. api://<api-client-id>/access_as_user). */
    apiScope: z.string().regex(/^api:\/\/\S+\/\S+$/, 'must be api://<id>/<scope>'),
    /** Further domains the task pane may navigate to inside the pane; usually none. */
    extraValidDomains: z.array(z.string().regex(/^[a-z0-9.*-]+(:\d+)?$/i)).default([]),
    accentColor: z.string().regex(/^#[0-9A-Fa-f]{6}$/),
  })
  .strict();

export type Environment = z.infer<typeof environmentSchema>;

export const environmentsDir = join(__dirname, '..', 'environments');

/** Reads and validates manifest/environments/<name>.json; the error names every bad field. */
export function loadEnvironment(name: string, dir: string = environmentsDir): Environment {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`invalid environment name "${name}"`);
  const file = join(dir, `${name}.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read ${name}.json: ${err instanceof Error ? err.message : String(err)}`);
  }
  return parseEnvironment(raw, name);
}

export function parseEnvironment(raw: unknown, name = 'environment'): Environment {
  if (raw !== null && typeof raw === 'object' && '$comment' in raw) {
    const { $comment: _ignored, ...rest } = raw as Record<string, unknown>;
    raw = rest;
  }
  const parsed = environmentSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new Error(`${name}: ${problems}`);
  }
  return parsed.data;
}

/** Host (with port when not 443) of the add-in's site: what validDomains, AppDomains and the NAA redirect use. */
export function addinHost(env: Environment): string {
  return new URL(env.addinUrl).host;
}

/** Absolute URL of a file of the add-in's site. */
export function addinFileUrl(env: Environment, path: string): string {
  return `${env.addinUrl}/${path.replace(/^\//, '')}`;
}

/** Ids and hosts that only make sense in the documented example: the generator warns when it meets them. */
export function placeholderWarnings(env: Environment): string[] {
  const warnings: string[] = [];
  const isPlaceholder = (id: string): boolean => /^0{8}-0{4}-0{4}-0{4}-/.test(id);
  if (isPlaceholder(env.appId))
    warnings.push('appId is the example GUID: create a new one (New-Guid / uuidgen)');
  if (isPlaceholder(env.addinClientId))
    warnings.push('addinClientId is the example value: use the client id of the add-in app registration');
  if (/0{8}-0{4}-0{4}-0{4}-/.test(env.apiScope))
    warnings.push('apiScope names the example API: use api://<API client id>/access_as_user');
  if (/(^|\.)example\.(nl|com|org)$/.test(new URL(env.addinUrl).hostname))
    warnings.push('addinUrl is the example address: use the Static Web App address (ADDIN_ORIGIN)');
  return warnings;
}
