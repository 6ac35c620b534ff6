import {
  createNestablePublicClientApplication,
  InteractionRequiredAuthError,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import type { TokenProvider } from './tokenProvider';

export interface NaaSettings {
  /** The add-in's (SPA) app registration. */
  clientId: string;
  /** `https://login.microsoftonline.com/<tenant id>` */
  authority: string;
  /** The API's scope: `api://<api client id>/access_as_user`. */
  scope: string;
}

/**
 * Nested App Authentication: Outlook brokers the token for the signed-in user, silently when it can,
 * with a prompt when consent or MFA is needed. MSAL is big; this module is loaded as its own chunk
 * (see officeTokenProvider.ts) so the first screen does not wait for its parsing.
 */
export function createNaaTokenProvider(settings: NaaSettings): TokenProvider {
  let pca: Promise<IPublicClientApplication> | undefined;
  const app = (): Promise<IPublicClientApplication> =>
    (pca ??= createNestablePublicClientApplication({
      auth: { clientId: settings.clientId, authority: settings.authority },
    }));
  return {
    async getToken() {
      const client = await app();
      const request = { scopes: [settings.scope] };
      try {
        return (await client.acquireTokenSilent(request)).accessToken;
      } catch (error) {
        if (!(error instanceof InteractionRequiredAuthError)) throw error;
        return (await client.acquireTokenPopup(request)).accessToken;
      }
    },
  };
}
