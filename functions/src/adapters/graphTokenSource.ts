import type { TokenCredential } from '@azure/identity';
import { sharedCredential } from './sharedCredential';

/**
 * Where the Graph mailer gets its bearer token. A port, so that the local stack can hand out its own tokens
 * and tests can count or break them.
 */
export interface GraphTokenSource {
  getToken(): Promise<string>;
}

/** Renew a little before expiry, so a token never expires between fetching it and Graph reading it. */
const renewBeforeMs = 5 * 60_000;

/**
 * A token for Graph from an `@azure/identity` credential, with the application permission `Mail.Send`
 * (`<graph origin>/.default`: the app's granted application permissions; Exchange RBAC for Applications
 * limits them to the complaints mailbox).
 */
export function credentialTokenSource(credential: TokenCredential, scope: string): GraphTokenSource {
  let cached: { token: string; expiresAt: number } | undefined;
  return {
    async getToken() {
      if (cached && cached.expiresAt - renewBeforeMs > Date.now()) return cached.token;
      const token = await credential.getToken(scope);
      if (!token) throw new Error('No Graph token from the credential');
      cached = { token: token.token, expiresAt: token.expiresOnTimestamp };
      return token.token;
    },
  };
}

/** A fixed token: the local sandbox accepts any non-empty bearer token. */
export function staticTokenSource(token: string): GraphTokenSource {
  return { getToken: () => Promise.resolve(token) };
}

/** Microsoft Graph's hosts in the global and national clouds. */
const graphHosts = new Set([
  'graph.microsoft.com',
  'graph.microsoft.us',
  'dod-graph.microsoft.us',
  'microsoftgraph.chinacloudapi.cn',
]);
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The token source for a Graph base URL. Microsoft Graph: `DefaultAzureCredential`, like storage: in Azure the
 * user-assigned managed identity that `AZURE_CLIENT_ID` names (infra sets it), on other hosts a client credential
 * from `AZURE_TENANT_ID`/`AZURE_CLIENT_ID`/`AZURE_CLIENT_SECRET` (or a certificate). A loopback URL is the dev
 * sandbox and gets a placeholder: a real Graph token is never sent anywhere but to Graph. Any other host is a
 * configuration mistake and stops the app.
 */
export function graphTokenSourceFor(baseUrl: string, credential?: TokenCredential): GraphTokenSource {
  const url = new URL(baseUrl);
  if (graphHosts.has(url.hostname) && url.protocol === 'https:') {
    return credentialTokenSource(credential ?? sharedCredential(), `${url.origin}/.default`);
  }
  if (loopbackHosts.has(url.hostname)) return staticTokenSource('local-graph-sandbox');
  throw new Error(`KR_GRAPH_BASE_URL must be Microsoft Graph or a local sandbox, not ${url.hostname}`);
}
