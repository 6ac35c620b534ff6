import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { readPngInfo } from '../../scripts/lib/png';
import { readZip } from '../../scripts/lib/zip';
import { environmentsDir, loadEnvironment, parseEnvironment, type Environment } from '../src/environment';
import { assetsDir, generateManifests, repoRoot } from '../src/generate';
import { addinModel } from '../src/manifestModel';
import { buildUnifiedManifest } from '../src/unifiedManifest';
import { buildXmlManifest } from '../src/xmlManifest';
import { child, findAll, parseXml, path, type XmlElement } from './xmlTree';

/** The part of the unified manifest these tests read. */
interface Icon {
  size: number;
  url: string;
}
interface Control {
  id: string;
  label: string;
  icons: Icon[];
  supertip: { title: string; description: string };
  actionId: string;
}
interface Extension {
  requirements: { scopes: string[]; capabilities: { name: string; minVersion: string }[] };
  runtimes: {
    id: string;
    code: { page: string };
    actions: { id: string; type: string; pinnable?: boolean }[];
  }[];
  ribbons: {
    contexts: string[];
    tabs: { groups: { id: string; label: string; icons: Icon[]; controls: Control[] }[] }[];
  }[];
  alternates: { alternateIcons: { icon: Icon; highResolutionIcon: Icon } }[];
}
interface UnifiedManifest {
  $schema: string;
  id: string;
  version: string;
  name: { short: string; full: string };
  description: { short: string; full: string };
  developer: { name: string };
  icons: { color: string; outline: string };
  validDomains: string[];
  webApplicationInfo: unknown;
  authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
  extensions: Extension[];
}

function first<T>(items: readonly T[] | undefined): T {
  const item = items?.[0];
  if (item === undefined) throw new Error('expected at least one item');
  return item;
}

/** The one button, with the structures above it. */
function parts(manifest: UnifiedManifest) {
  const extension = first(manifest.extensions);
  const group = first(first(first(extension.ribbons).tabs).groups);
  return { extension, group, button: first(group.controls) };
}

const schemasDir = join(
  repoRoot,
  'node_modules',
  '@microsoft',
  'app-manifest',
  'build',
  'json-schemas',
  'teams',
);
const validators = new Map<string, ValidateFunction>();

/** The offline schema that matches the manifest's own $schema (…/teams/v1.22/MicrosoftTeams.schema.json). */
function validatorFor(manifest: unknown): ValidateFunction {
  const schemaUrl =
    typeof manifest === 'object' && manifest !== null && '$schema' in manifest
      ? String(manifest.$schema)
      : '';
  const match = /\/teams\/(v[\w.]+)\/MicrosoftTeams\.schema\.json$/.exec(schemaUrl);
  if (!match?.[1]) throw new Error(`unexpected $schema ${schemaUrl}`);
  const version = match[1];
  let validate = validators.get(version);
  if (!validate) {
    const schema = JSON.parse(
      readFileSync(join(schemasDir, version, 'MicrosoftTeams.schema.json'), 'utf8'),
    ) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validate = ajv.compile(schema);
    validators.set(version, validate);
  }
  return validate;
}

function schemaErrors(manifest: unknown): string[] {
  const validate = validatorFor(manifest);
  return validate(manifest) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

const environmentNames = readdirSync(environmentsDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

const out = mkdtempSync(join(tmpdir(), 'kr-manifest-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

test('there are at least the local and the example environment', () => {
  expect(environmentNames).toEqual(expect.arrayContaining(['local', 'example']));
});

describe.each(environmentNames)('environment %s', (name) => {
  const env = loadEnvironment(name);
  const generated = generateManifests(name, out);
  const json = JSON.parse(readFileSync(join(generated.dir, 'manifest.json'), 'utf8')) as UnifiedManifest;
  const xml = parseXml(readFileSync(join(generated.dir, 'manifest.xml'), 'utf8'));
  const { extension, group, button } = parts(json);
  const ribbon = first(extension.ribbons);
  const runtime = first(extension.runtimes);
  const alt = first(extension.alternates).alternateIcons;
  const resources = path(xml, 'VersionOverrides', 'Resources');

  /** The DefaultValue of a resource (bt:Image, bt:Url, bt:String) by its id. */
  const resource = (id: string): string => {
    const found = findAll(resources, (e) => e.attributes.id === id);
    expect(found).toHaveLength(1);
    return found[0]?.attributes.DefaultValue ?? '';
  };

  test('the unified manifest is valid against the offline schema of its $schema version', () => {
    expect(schemaErrors(json)).toEqual([]);
  });

  test('the button "Registreer klacht" on the mail read surface opens the task pane', () => {
    expect(extension.requirements.scopes).toEqual(['mail']);
    expect(ribbon.contexts).toEqual(['mailRead']);
    expect(button.label).toBe('Registreer klacht');
    const actions = extension.runtimes.flatMap((r) => r.actions.map((a) => ({ ...a, page: r.code.page })));
    const action = actions.find((a) => a.id === button.actionId);
    expect(action).toMatchObject({ type: 'openPage', page: `${env.addinUrl}/taskpane.html`, pinnable: true });
    // No commands page: the only runtime is the task pane.
    expect(extension.runtimes).toHaveLength(1);
  });

  test('the Mailbox requirement set is at least 1.8 in both manifests', () => {
    const [major, minor] = addinModel.mailboxMinVersion.split('.').map(Number);
    expect(major === 1 && (minor ?? 0) >= 8).toBe(true);
    expect(extension.requirements.capabilities).toEqual([
      { name: 'Mailbox', minVersion: addinModel.mailboxMinVersion },
    ]);
    expect(path(xml, 'Requirements', 'Sets', 'Set').attributes).toEqual({
      Name: 'Mailbox',
      MinVersion: addinModel.mailboxMinVersion,
    });
    expect(path(xml, 'VersionOverrides', 'Requirements', 'bt:Sets').attributes.DefaultMinVersion).toBe(
      addinModel.mailboxMinVersion,
    );
  });

  test('NAA: webApplicationInfo names the add-in registration and the brk-multihub redirect of its host', () => {
    const host = new URL(env.addinUrl).host;
    expect(json.webApplicationInfo).toEqual({
      id: env.addinClientId,
      nestedAppAuthInfo: [{ redirectUri: `brk-multihub://${host}`, scopes: [env.apiScope] }],
    });
    expect(json.validDomains).toContain(host);
  });

  test('every icon the manifests name exists in addin/assets in the size it is declared with', () => {
    const fileOf = (url: string): string => {
      expect(url.startsWith(`${env.addinUrl}/`)).toBe(true);
      return join(repoRoot, 'addin', url.slice(env.addinUrl.length + 1));
    };
    const sizeOf = (file: string): number => {
      const info = readPngInfo(readFileSync(file));
      expect(info.width).toBe(info.height);
      return info.width;
    };
    for (const icon of [...group.icons, ...button.icons]) expect(sizeOf(fileOf(icon.url))).toBe(icon.size);
    expect(button.icons.map((i) => i.size)).toEqual([16, 32, 80]);
    expect(sizeOf(fileOf(alt.icon.url))).toBe(64);
    expect(sizeOf(fileOf(alt.highResolutionIcon.url))).toBe(128);
    expect(sizeOf(join(generated.dir, json.icons.color))).toBe(192);
    expect(sizeOf(join(generated.dir, json.icons.outline))).toBe(32);
    expect(sizeOf(fileOf(child(xml, 'IconUrl').attributes.DefaultValue ?? ''))).toBe(64);
    expect(sizeOf(fileOf(child(xml, 'HighResolutionIconUrl').attributes.DefaultValue ?? ''))).toBe(128);
  });

  test('the XML manifest is a MailApp with its elements in schema order', () => {
    expect(xml.name).toBe('OfficeApp');
    expect(xml.attributes['xsi:type']).toBe('MailApp');
    expect(xml.attributes.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    // The OfficeApp schema is a sequence: a misplaced element fails installation.
    const order = [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'FormSettings',
      'Permissions',
      'Rule',
      'DisableEntityHighlighting',
      'VersionOverrides',
    ];
    expect(xml.children.map((c) => c.name)).toEqual(order);
    expect(path(xml, 'Hosts', 'Host').attributes.Name).toBe('Mailbox');
    const rule = child(xml, 'Rule');
    expect(rule.attributes).toMatchObject({ 'xsi:type': 'RuleCollection', Mode: 'Or' });
    expect(child(rule, 'Rule').attributes).toMatchObject({
      'xsi:type': 'ItemIs',
      ItemType: 'Message',
      FormType: 'Read',
    });
    const overrides = child(xml, 'VersionOverrides');
    expect(overrides.attributes).toMatchObject({
      xmlns: 'http://schemas.microsoft.com/office/mailappversionoverrides',
      'xsi:type': 'VersionOverridesV1_0',
    });
    const surface = path(overrides, 'Hosts', 'Host', 'DesktopFormFactor', 'ExtensionPoint');
    expect(surface.attributes['xsi:type']).toBe('MessageReadCommandSurface');
    expect(path(surface, 'OfficeTab').attributes.id).toBe('TabDefault');
    const height = Number(path(xml, 'FormSettings', 'Form', 'DesktopSettings', 'RequestedHeight').text);
    expect(height).toBeGreaterThanOrEqual(32);
    expect(height).toBeLessThanOrEqual(450);
  });

  test('every resid in the XML manifest resolves, and no resource is unused, in each VersionOverrides', () => {
    const outer = child(xml, 'VersionOverrides');
    const inner = child(outer, 'VersionOverrides');
    // Each VersionOverrides has its own Resources; the nested 1.1 one is read instead of 1.0, not with it.
    for (const level of [outer, inner]) {
      const own: XmlElement = {
        ...level,
        children: level.children.filter((c) => c.name !== 'VersionOverrides'),
      };
      const levelResources = child(level, 'Resources');
      const ids = findAll(levelResources, (e) => e.attributes.id !== undefined).map((e) => e.attributes.id);
      expect(new Set(ids).size).toBe(ids.length);
      const used = findAll(own, (e) => e.attributes.resid !== undefined).map((e) => e.attributes.resid);
      expect(new Set(used)).toEqual(new Set(ids));
      for (const s of findAll(path(levelResources, 'bt:ShortStrings'), (e) => e.name === 'bt:String')) {
        expect((s.attributes.DefaultValue ?? '').length).toBeLessThanOrEqual(125);
      }
      for (const s of findAll(path(levelResources, 'bt:LongStrings'), (e) => e.name === 'bt:String')) {
        expect((s.attributes.DefaultValue ?? '').length).toBeLessThanOrEqual(250);
      }
    }
  });

  test('VersionOverrides 1.1, nested last in 1.0: pinnable pane, shared folders, the mobile button', () => {
    const outer = child(xml, 'VersionOverrides');
    expect(outer.children.map((c) => c.name)).toEqual([
      'Requirements',
      'Hosts',
      'Resources',
      'VersionOverrides',
    ]);
    const inner = child(outer, 'VersionOverrides');
    expect(inner.attributes).toMatchObject({
      xmlns: 'http://schemas.microsoft.com/office/mailappversionoverrides/1.1',
      'xsi:type': 'VersionOverridesV1_1',
    });
    expect(inner.children.map((c) => c.name)).toEqual(['Requirements', 'Hosts', 'Resources']);
    const host = path(inner, 'Hosts', 'Host');
    expect(host.attributes['xsi:type']).toBe('MailHost');
    expect(host.children.map((c) => c.name)).toEqual(['DesktopFormFactor', 'MobileFormFactor']);
    const desktop = child(host, 'DesktopFormFactor');
    // SupportsSharedFolders comes first in DesktopFormFactor's sequence.
    expect(desktop.children.map((c) => c.name)).toEqual(['SupportsSharedFolders', 'ExtensionPoint']);
    expect(child(desktop, 'SupportsSharedFolders').text).toBe('true');
    const action = findAll(desktop, (e) => e.name === 'Action')[0] as XmlElement;
    expect(action.attributes['xsi:type']).toBe('ShowTaskpane');
    expect(action.children.map((c) => c.name)).toEqual(['SourceLocation', 'SupportsPinning']);
    expect(child(action, 'SupportsPinning').text).toBe('true');

    const mobile = path(host, 'MobileFormFactor', 'ExtensionPoint');
    expect(mobile.attributes['xsi:type']).toBe('MobileMessageReadCommandSurface');
    const mobileButton = path(mobile, 'Group', 'Control');
    expect(mobileButton.attributes['xsi:type']).toBe('MobileButton');
    const icon = child(mobileButton, 'Icon');
    expect(icon.attributes['xsi:type']).toBe('bt:MobileIconList');
    const innerResources = child(inner, 'Resources');
    const image = (resid: string): string =>
      findAll(innerResources, (e) => e.attributes.id === resid)[0]?.attributes.DefaultValue ?? '';
    const declared = icon.children.map((i) => `${i.attributes.size}@${i.attributes.scale}`);
    // Outlook mobile wants 25, 32 and 48 px, each at scale 1, 2 and 3; each file has size × scale pixels.
    expect(declared.sort()).toEqual(
      ['25@1', '25@2', '25@3', '32@1', '32@2', '32@3', '48@1', '48@2', '48@3'].sort(),
    );
    for (const i of icon.children) {
      const url = image(i.attributes.resid ?? '');
      expect(url.startsWith(`${env.addinUrl}/`)).toBe(true);
      const info = readPngInfo(readFileSync(join(repoRoot, 'addin', url.slice(env.addinUrl.length + 1))));
      expect(info.width).toBe(Number(i.attributes.size) * Number(i.attributes.scale));
      expect(info.height).toBe(info.width);
    }
    expect(path(mobileButton, 'Action', 'SourceLocation').attributes.resid).toBe('Taskpane.Url');
  });

  test('the unified manifest declares the pinnable pane and shared-folder support', () => {
    expect(json.authorization.permissions.resourceSpecific).toContainEqual({
      name: 'Mailbox.SharedFolder',
      type: 'Delegated',
    });
    expect(first(runtime.actions)).toMatchObject({ pinnable: true });
  });

  test('both manifests describe the same add-in: id, name, version, pages, button, icons, permission, domains', () => {
    expect(child(xml, 'Id').text).toBe(json.id);
    expect(child(xml, 'Version').text).toBe(`${json.version}.0`);
    expect(child(xml, 'DisplayName').attributes.DefaultValue).toBe(json.name.short);
    expect(child(xml, 'Description').attributes.DefaultValue).toBe(json.description.short);
    expect(child(xml, 'ProviderName').text).toBe(json.developer.name);

    const page = runtime.code.page;
    expect(
      path(xml, 'FormSettings', 'Form', 'DesktopSettings', 'SourceLocation').attributes.DefaultValue,
    ).toBe(page);
    const control = findAll(xml, (e) => e.name === 'Control')[0] as XmlElement;
    expect(control.attributes.id).toBe(button.id);
    expect(resource(child(control, 'Label').attributes.resid ?? '')).toBe(button.label);
    expect(resource(path(control, 'Supertip', 'Description').attributes.resid ?? '')).toBe(
      button.supertip.description,
    );
    expect(resource(path(control, 'Action', 'SourceLocation').attributes.resid ?? '')).toBe(page);
    expect(path(control, 'Action').attributes['xsi:type']).toBe('ShowTaskpane');
    const xmlIcons = child(control, 'Icon').children.map((i) => ({
      size: Number(i.attributes.size),
      url: resource(i.attributes.resid ?? ''),
    }));
    expect(xmlIcons).toEqual(button.icons);
    const xmlGroup = findAll(xml, (e) => e.name === 'Group')[0] as XmlElement;
    expect(resource(child(xmlGroup, 'Label').attributes.resid ?? '')).toBe(group.label);

    // MailboxItem.Read.User (unified) is ReadItem (XML): read the open item, nothing more; Mailbox.SharedFolder
    // is the unified manifest's SupportsSharedFolders (it grants no access to other items).
    expect(json.authorization.permissions.resourceSpecific).toEqual([
      { name: 'MailboxItem.Read.User', type: 'Delegated' },
      { name: 'Mailbox.SharedFolder', type: 'Delegated' },
    ]);
    expect(child(xml, 'Permissions').text).toBe('ReadItem');

    expect(child(xml, 'IconUrl').attributes.DefaultValue).toBe(alt.icon.url);
    expect(child(xml, 'HighResolutionIconUrl').attributes.DefaultValue).toBe(alt.highResolutionIcon.url);

    const appDomains = child(xml, 'AppDomains').children.map((d) => d.text);
    expect(appDomains.map((d) => new URL(d).host)).toEqual(json.validDomains);
    for (const d of appDomains) expect(d.startsWith('https://')).toBe(true);
  });

  test('the app package for the admin center holds manifest.json and both icons at its root', () => {
    const entries = readZip(readFileSync(join(generated.dir, `${name}-app-package.zip`)));
    expect(entries.map((e) => e.name).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const inZip = entries.find((e) => e.name === 'manifest.json');
    expect(inZip?.data.toString('utf8')).toBe(readFileSync(join(generated.dir, 'manifest.json'), 'utf8'));
    expect(entries.map((e) => e.name)).toEqual(
      expect.arrayContaining([json.icons.color, json.icons.outline]),
    );
  });
});

describe('the schema check and the XML check can fail', () => {
  const env = loadEnvironment('local');

  test('a manifest without id, or with a too long button label, is rejected by the schema', () => {
    const fresh = (): UnifiedManifest => buildUnifiedManifest(env) as unknown as UnifiedManifest;
    expect(schemaErrors(fresh())).toEqual([]);
    const { id: _id, ...withoutId } = fresh();
    expect(schemaErrors(withoutId).join('\n')).toMatch(/id/);
    const long = fresh();
    parts(long).button.label = 'x'.repeat(65);
    expect(schemaErrors(long).length).toBeGreaterThan(0);
    const badContext = fresh();
    first(parts(badContext).extension.ribbons).contexts = ['mailReading'];
    expect(schemaErrors(badContext).length).toBeGreaterThan(0);
  });

  test('the XML reader rejects malformed XML', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow(/does not close/);
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow(/duplicate/);
    expect(() => parseXml('<a>Tom & Jerry</a>')).toThrow(/bare &/);
    expect(() => parseXml('<a><b/>')).toThrow(/unclosed/);
    expect(() => parseXml('<a/><b/>')).toThrow(/more than one root/);
  });

  test('names with XML special characters are escaped in the XML manifest', () => {
    const tricky: Environment = {
      ...env,
      name: { short: 'Klachten & <Co> "B.V."', full: 'Klachten & Co' },
      developer: { ...env.developer, name: "O'Brien & Zn" },
    };
    const xml = parseXml(buildXmlManifest(tricky));
    expect(child(xml, 'DisplayName').attributes.DefaultValue).toBe('Klachten & <Co> "B.V."');
    expect(child(xml, 'ProviderName').text).toBe("O'Brien & Zn");
  });
});

describe('environment descriptions', () => {
  const valid = JSON.parse(readFileSync(join(environmentsDir, 'example.json'), 'utf8')) as Record<
    string,
    unknown
  >;

  test.each([
    ['an http add-in URL', { addinUrl: 'http://klachten.example.nl' }, /addinUrl/],
    ['a trailing slash', { addinUrl: 'https://klachten.example.nl/' }, /addinUrl/],
    ['an id that is not a GUID', { appId: 'klachtenregister' }, /appId/],
    ['a four-part version', { version: '1.0.0.0' }, /version/],
    ['a short name over 30 characters', { name: { short: 'x'.repeat(31), full: 'x' } }, /name\.short/],
    ['an unknown field', { addinURL: 'https://x.nl' }, /addinURL|Unrecognized/i],
  ])('rejects %s', (_label, change, message) => {
    expect(() => parseEnvironment({ ...valid, ...change }, 'example')).toThrow(message);
  });

  test('the example warns about its placeholders, the local one does not', () => {
    expect(generateManifests('example', out).warnings.length).toBeGreaterThanOrEqual(4);
    expect(generateManifests('local', out).warnings).toEqual([]);
  });
});

describe('icons in addin/assets', () => {
  test('are real PNGs; the outline icon is white on transparency', () => {
    const files = readdirSync(assetsDir).filter((f) => f.endsWith('.png'));
    expect(files.sort()).toEqual(
      [
        'color.png',
        'icon-128.png',
        'icon-144.png',
        'icon-16.png',
        'icon-25.png',
        'icon-32.png',
        'icon-48.png',
        'icon-50.png',
        'icon-64.png',
        'icon-75.png',
        'icon-80.png',
        'icon-96.png',
        'outline.png',
      ].sort(),
    );
    for (const f of files)
      expect(readPngInfo(readFileSync(join(assetsDir, f)))).toMatchObject({ bitDepth: 8, colourType: 6 });
  });

  test('the outline icon has only white (or transparent) pixels and a transparent corner', async () => {
    const { renderIcon } = await import('../../scripts/icons');
    const pixels = renderIcon(32, true);
    let opaque = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if ((pixels[i + 3] ?? 0) === 0) continue;
      opaque++;
      expect([pixels[i], pixels[i + 1], pixels[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(opaque).toBeGreaterThan(50);
    expect(pixels[3]).toBe(0);
  });
});

describe('npm run manifest', () => {
  const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
  const run = (...args: string[]) =>
    spawnSync(tsx, [join(repoRoot, 'scripts', 'manifest.ts'), ...args], { encoding: 'utf8', cwd: repoRoot });

  test('writes both manifests for --env local', () => {
    const target = join(out, 'cli');
    const result = run('--env', 'local', '--out', target);
    expect(result.status).toBe(0);
    expect(readdirSync(join(target, 'local')).sort()).toEqual(
      ['color.png', 'local-app-package.zip', 'manifest.json', 'manifest.xml', 'outline.png'].sort(),
    );
  });

  test('fails with a clear message for an unknown environment or without --env', () => {
    const unknown = run('--env', 'nope', '--out', join(out, 'cli'));
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/nope\.json/);
    expect(run().status).toBe(2);
  });
});
