import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { configKeys } from '../../functions/src/adapters/config';
import {
  block,
  krSettingKeys,
  moduleUses,
  paramProblems,
  parseParams,
  secretProblems,
  wiringProblems,
} from './bicepText';

const infra = join(__dirname, '..');
const root = join(infra, '..');
const read = (...parts: string[]): string => readFileSync(join(...parts), 'utf8');
const main = read(infra, 'main.bicep');
const modules = Object.fromEntries(
  readdirSync(join(infra, 'modules'))
    .filter((f) => f.endsWith('.bicep'))
    .map((f) => [f, read(infra, 'modules', f)]),
);
const bicepFiles: [string, string][] = [['main.bicep', main], ...Object.entries(modules)];
const functionApp = modules['functionapp.bicep'] ?? '';

/** Settings only the local stack uses (connection string to Azurite, local token issuer). */
const localOnly = ['KR_STORAGE_CONNECTION', 'KR_AUTH_ISSUER', 'KR_AUTH_JWKS_URL'];

describe('parameters', () => {
  test.each(bicepFiles)(
    '%s: every parameter is documented, used, and secure when it is a secret',
    (_file, source) => {
      expect(parseParams(source).length).toBeGreaterThan(0);
      expect(paramProblems(source)).toEqual([]);
    },
  );

  test('every module call passes known parameters and all required ones', () => {
    const uses = moduleUses(main);
    expect(uses.map((u) => u.path).sort()).toEqual(
      Object.keys(modules)
        .map((f) => `modules/${f}`)
        .concat('modules/storage.bicep')
        .sort(),
    );
    for (const use of uses)
      expect(wiringProblems(use, modules[use.path.replace('modules/', '')] ?? '')).toEqual([]);
  });

  test('main.parameters.json sets only parameters main.bicep has, all required ones, and no literal strings', () => {
    const file = JSON.parse(read(infra, 'main.parameters.json')) as {
      parameters: Record<string, { value: unknown }>;
    };
    const params = parseParams(main);
    for (const name of Object.keys(file.parameters)) expect(params.map((p) => p.name)).toContain(name);
    for (const p of params.filter((p) => !p.hasDefault))
      expect(Object.keys(file.parameters)).toContain(p.name);
    for (const [name, { value }] of Object.entries(file.parameters)) {
      // Strings come from the azd environment (`azd env set`), never from the file itself; a number or a
      // boolean may be written here (azd passes environment values as strings).
      if (typeof value === 'number' || typeof value === 'boolean') continue;
      expect([name, value]).toEqual([name, expect.stringMatching(/^\$\{[A-Z_]+(=[^}]*)?\}$/)]);
    }
    const secure = params.filter((p) => p.decorators.includes('@secure()')).map((p) => p.name);
    for (const name of secure) expect(String(file.parameters[name]?.value)).toMatch(/^\$\{[A-Z_]+=?\}$/);
  });

  test('the checks can fail: an undocumented, unused or insecure parameter is reported', () => {
    const bad = [
      "@description('The Teams webhook URL, a secret.')",
      'param teamsWebhook string',
      'param unusedThing string',
      "@description('Used below, documented.')",
      'param fine string',
      "var x = '${teamsWebhook}${fine}'",
    ].join('\n');
    const problems = paramProblems(bad);
    expect(problems).toEqual(
      expect.arrayContaining([
        'teamsWebhook: looks like a secret but is not @secure()',
        'unusedThing: no @description',
        'unusedThing: declared but never used',
      ]),
    );
    expect(problems.some((p) => p.startsWith('fine'))).toBe(false);
  });
});

describe('app settings', () => {
  test('the Function App sets exactly the settings config.ts reads, minus the local-only ones', () => {
    expect(configKeys.length).toBeGreaterThan(5);
    const expected = configKeys.filter((k) => !localOnly.includes(k)).sort();
    expect(krSettingKeys(functionApp).sort()).toEqual(expected);
    for (const key of localOnly) expect(functionApp).not.toContain(key);
  });

  test('the settings check can fail: a missing or misspelled setting is noticed', () => {
    const mutated = functionApp.replace('KR_MAILBOX:', 'KR_MAILBOXX:');
    expect(krSettingKeys(mutated)).toContain('KR_MAILBOXX');
    expect(krSettingKeys(mutated)).not.toContain('KR_MAILBOX');
  });

  test('the Teams webhook URL comes from Key Vault through a reference, never as a value', () => {
    expect(functionApp).toMatch(/KR_TEAMS_WEBHOOK_URL:\s*krSettings\.teamsWebhookReference/);
    const keyVault = modules['keyvault.bicep'] ?? '';
    expect(keyVault).toMatch(
      /'@Microsoft\.KeyVault\(VaultName=\$\{vault\.name\};SecretName=\$\{secretName\}\)'/,
    );
    expect(main).toMatch(/teamsWebhookReference:\s*keyVault\.outputs\.teamsWebhookReference/);
    // The secure parameter only ever reaches the Key Vault secret.
    const lines = main
      .split('\n')
      .filter((l) => /\bteamsWebhookUrl\b/.test(l))
      .map((l) => l.trim());
    expect(lines).toEqual(["param teamsWebhookUrl string = ''", 'teamsWebhookUrl: teamsWebhookUrl']);
    expect(functionApp).toMatch(/keyVaultReferenceIdentity:\s*identityId/);
  });

  test('the Graph clientState comes from Key Vault through a reference, never as a value', () => {
    expect(functionApp).toMatch(/KR_GRAPH_CLIENT_STATE:\s*krSettings\.graphClientStateReference/);
    expect(main).toMatch(/graphClientStateReference:\s*keyVault\.outputs\.graphClientStateReference/);
    const lines = main
      .split('\n')
      .filter((l) => /\bgraphClientState\b/.test(l))
      .map((l) => l.trim());
    expect(lines).toEqual(["param graphClientState string = ''", 'graphClientState: graphClientState']);
  });

  test('storage and telemetry use the managed identity, not connection strings', () => {
    expect(functionApp).toMatch(/AzureWebJobsStorage__accountName:/);
    expect(functionApp).toMatch(/AzureWebJobsStorage__credential:\s*'managedidentity'/);
    expect(functionApp).toMatch(/AzureWebJobsStorage__clientId:/);
    expect(functionApp).not.toMatch(/^\s*AzureWebJobsStorage:/m);
    expect(functionApp).toMatch(
      /APPLICATIONINSIGHTS_AUTHENTICATION_STRING:\s*'ClientId=\$\{identityClientId\};Authorization=AAD'/,
    );
    expect(functionApp).toMatch(/AZURE_CLIENT_ID:\s*identityClientId/);
    // Flex Consumption sets the runtime in functionAppConfig; these settings are rejected there.
    for (const unsupported of [
      'FUNCTIONS_WORKER_RUNTIME',
      'WEBSITE_NODE_DEFAULT_VERSION',
      'WEBSITE_RUN_FROM_PACKAGE',
      'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING',
    ]) {
      expect(functionApp).not.toContain(unsupported);
    }
  });
});

describe('no secrets in templates', () => {
  const files: [string, string][] = [
    ...bicepFiles,
    ['main.parameters.json', read(infra, 'main.parameters.json')],
    ['azure.yaml', read(root, 'azure.yaml')],
    ['addin-hosting/staticwebapp.config.json', read(infra, 'addin-hosting', 'staticwebapp.config.json')],
  ];

  test.each(files)('%s holds no key, SAS, webhook URL, token or password', (file, text) => {
    expect(secretProblems(file, text)).toEqual([]);
  });

  test('the secret scan can fail', () => {
    expect(
      secretProblems('x', "value: 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc=='"),
    ).toHaveLength(1);
    expect(
      secretProblems('x', "url: 'https://prod-01.westeurope.logic.azure.com:443/workflows/1/triggers'"),
    ).toHaveLength(1);
    expect(secretProblems('x', 'x: storage.listKeys().keys[0].value')).toHaveLength(1);
  });
});

describe('resources', () => {
  const storage = modules['storage.bicep'] ?? '';
  const keyVault = modules['keyvault.bicep'] ?? '';
  const monitoring = modules['monitoring.bicep'] ?? '';

  test('storage: TLS 1.2, no anonymous blob access, no shared keys, private containers', () => {
    const props = block(storage, storage.indexOf("resource account 'Microsoft.Storage/storageAccounts"));
    expect(props).toMatch(/minimumTlsVersion:\s*'TLS1_2'/);
    expect(props).toMatch(/allowBlobPublicAccess:\s*false/);
    expect(props).toMatch(/allowSharedKeyAccess:\s*false/);
    expect(props).toMatch(/supportsHttpsTrafficOnly:\s*true/);
    expect(storage).toMatch(/publicAccess:\s*'None'/);
  });

  test('Function App: Flex Consumption, Linux, Node 22, HTTPS only, user-assigned identity for the deployment package', () => {
    expect(functionApp).toMatch(/sku:\s*\{\s*name:\s*'FC1',\s*tier:\s*'FlexConsumption'\s*\}/);
    expect(functionApp).toMatch(/kind:\s*'functionapp,linux'/);
    expect(functionApp).toMatch(/runtime:\s*\{\s*name:\s*'node',\s*version:\s*'22'\s*\}/);
    expect(functionApp).toMatch(/httpsOnly:\s*true/);
    expect(functionApp).toMatch(/minTlsVersion:\s*'1\.2'/);
    expect(functionApp).toMatch(/ftpsState:\s*'Disabled'/);
    expect(functionApp).toMatch(/type:\s*'UserAssigned'/);
    expect(functionApp).toMatch(
      /authentication:\s*\{\s*type:\s*'UserAssignedIdentity',\s*userAssignedIdentityResourceId:\s*identityId\s*\}/,
    );
    expect(functionApp).toMatch(/allowedOrigins:\s*\[addinOrigin\]/);
  });

  test('Key Vault uses RBAC, keeps deleted secrets, and the app may read only the one secret', () => {
    expect(keyVault).toMatch(/enableRbacAuthorization:\s*true/);
    expect(keyVault).toMatch(/enablePurgeProtection:\s*true/);
    const assignment = block(keyVault, keyVault.indexOf('resource secretReader'));
    expect(assignment).toMatch(/scope:\s*teamsWebhook\b/);
    expect(keyVault).toMatch(/keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'/);
  });

  test('Application Insights accepts only Entra-authenticated telemetry and masks IP addresses', () => {
    expect(monitoring).toMatch(/DisableLocalAuth:\s*true/);
    expect(monitoring).toMatch(/DisableIpMasking:\s*false/);
  });
});

describe('role assignments (least privilege)', () => {
  const known: Record<string, string> = {
    'b7e6dc6d-f1e8-4753-8033-0f276bb0955b': 'Storage Blob Data Owner',
    'ba92f5b4-2d11-453d-a403-e96b0029c9fe': 'Storage Blob Data Contributor',
    '974c5e8b-45b9-4653-ba55-5f855dd0fb88': 'Storage Queue Data Contributor',
    '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3': 'Storage Table Data Contributor',
    '4633458b-17de-408a-b874-0445c86b69e6': 'Key Vault Secrets User',
    '3913510d-42f4-4e42-8a64-420c390055eb': 'Monitoring Metrics Publisher',
  };
  const all = bicepFiles.map(([, s]) => s).join('\n');

  test('only known data-plane roles are granted; never Owner, Contributor or User Access Administrator', () => {
    const guids = [...all.matchAll(/'([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})'/g)].map(
      (m) => m[1] ?? '',
    );
    expect(guids.length).toBeGreaterThan(0);
    for (const id of guids) expect(Object.keys(known)).toContain(id);
    for (const broad of [
      '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
      'b24988ac-6180-42a0-ab88-20f7382dd24c',
      '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
    ]) {
      expect(all).not.toContain(broad);
    }
    // The ids in the storage module carry the right names.
    for (const [id, name] of Object.entries(known)) {
      if ((modules['storage.bicep'] ?? '').includes(id))
        expect(modules['storage.bicep']).toContain(`'${name}': '${id}'`);
    }
  });

  test('the host account gets blob owner and queue access; the register gets table and blob contributor only', () => {
    const roles = (symbol: string): string[] => {
      const use = block(main, main.indexOf(`module ${symbol} `));
      return [...(/roleNames:\s*\[([^\]]*)\]/.exec(use)?.[1] ?? '').matchAll(/'([^']+)'/g)].map(
        (m) => m[1] ?? '',
      );
    };
    expect(roles('hostStorage')).toEqual(['Storage Blob Data Owner', 'Storage Queue Data Contributor']);
    expect(roles('dataStorage')).toEqual(['Storage Table Data Contributor', 'Storage Blob Data Contributor']);
  });

  test('every role assignment is for the managed identity as a service principal', () => {
    const assignments = all.split(/resource \w+ 'Microsoft\.Authorization\/roleAssignments@/).slice(1);
    // Storage data, telemetry publishing, and one reader per Key Vault secret (Teams webhook, Graph clientState).
    expect(assignments.length).toBe(4);
    for (const a of assignments) {
      expect(a).toMatch(/principalId:\s*principalId/);
      expect(a).toMatch(/principalType:\s*'ServicePrincipal'/);
    }
  });
});

describe('azd', () => {
  const azureYaml = read(root, 'azure.yaml');

  test('azure.yaml deploys the Functions package and the add-in site to the tagged resources', () => {
    expect(azureYaml).toMatch(/infra:\s*\n\s*provider: bicep\s*\n\s*path: infra\s*\n\s*module: main/);
    expect(azureYaml).toMatch(/api:\s*\n(\s+.*\n)*?\s*host: function\s*\n\s*dist: dist\/functions/);
    expect(azureYaml).toMatch(/addin:\s*\n(\s+.*\n)*?\s*host: staticwebapp\s*\n\s*dist: dist\/addin/);
    expect(functionApp).toContain("'azd-service-name': 'api'");
    expect(modules['staticwebapp.bicep']).toContain("'azd-service-name': 'addin'");
  });

  test('the outputs the deployment guide relies on exist', () => {
    const guide = read(root, 'docs', 'deploy.md');
    const outputs = [...main.matchAll(/^output (\w+) /gm)].map((m) => m[1] ?? '');
    for (const name of [
      'API_BASE_URL',
      'ADDIN_ORIGIN',
      'FUNCTION_APP_NAME',
      'MANAGED_IDENTITY_CLIENT_ID',
      'MANAGED_IDENTITY_PRINCIPAL_ID',
    ]) {
      expect(outputs).toContain(name);
      expect(guide).toContain(name);
    }
    // Every azd variable the parameters file reads is explained in the guide.
    const vars = [...read(infra, 'main.parameters.json').matchAll(/\$\{(KR_[A-Z_]+)/g)].map(
      (m) => m[1] ?? '',
    );
    for (const v of vars) expect(guide).toContain(v);
  });
});
