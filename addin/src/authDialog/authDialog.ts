/**
 * The sign-in page opened in an Office dialog where Outlook has no Nested App Authentication. It runs MSAL's
 * redirect flow on the add-in's own origin and sends the access token to the pane (dialogTokenProvider.ts).
 */
import { PublicClientApplication } from '@azure/msal-browser';
import type { DialogMessage } from '../auth/dialogTokenProvider';
import { officeReady } from '../office/mailbox';
import { sendToParent } from '../office/authDialog';
import { naaSettings } from '../taskpane/buildConfig';

async function main(): Promise<void> {
  await officeReady();
  const pca = new PublicClientApplication({
    auth: {
      clientId: naaSettings.clientId,
      authority: naaSettings.authority,
      redirectUri: `${location.origin}${location.pathname}`,
    },
    cache: { cacheLocation: 'sessionStorage' },
  });
  await pca.initialize();
  const request = { scopes: [naaSettings.scope] };
  let message: DialogMessage;
  try {
    const redirected = await pca.handleRedirectPromise();
    const account = redirected?.account ?? pca.getAllAccounts()[0];
    if (!account) {
      await pca.loginRedirect(request); // navigates away; we come back here with the answer
      return;
    }
    const result = redirected ?? (await pca.acquireTokenSilent({ ...request, account }));
    message = { kind: 'token', accessToken: result.accessToken, expiresOn: result.expiresOn?.getTime() ?? 0 };
  } catch (error) {
    message = {
      kind: 'error',
      message: error instanceof Error ? error.message : 'Aanmelden is niet gelukt.',
    };
  }
  sendToParent(JSON.stringify(message));
}

void main();
