import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';

let credential: Promise<TokenCredential> | undefined;

/**
 * The process's one `DefaultAzureCredential` (the Function App's managed identity in Azure), shared by storage and
 * Graph so that both use one token cache. `@azure/identity` (with MSAL, a quarter of the bundle) is loaded at the
 * first token, not when the worker loads the app: a local stack on connection strings never loads it at all.
 */
export function sharedCredential(): TokenCredential {
  return {
    async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
      credential ??= import('@azure/identity').then((m) => new m.DefaultAzureCredential());
      return (await credential).getToken(scopes, options);
    },
  };
}
