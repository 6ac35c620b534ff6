import type { TokenProvider } from './tokenProvider';

/** Opens the sign-in page in an Office dialog and resolves with what the page sends back. */
export type OpenAuthDialog = (url: string) => Promise<string>;

/** What the dialog page (authDialog.ts) sends to the pane. */
export type DialogMessage =
  { kind: 'token'; accessToken: string; expiresOn: number } | { kind: 'error'; message: string };

/**
 * The fallback where Outlook cannot broker a token (no NestedAppAuth 1.1: older Outlook builds). The dialog
 * page signs in with MSAL's redirect flow on our own origin and hands the access token back through
 * `messageParent`; the pane keeps it until shortly before it expires.
 */
export function createDialogTokenProvider(dialogUrl: string, openDialog: OpenAuthDialog): TokenProvider {
  let cached: { token: string; until: number } | undefined;
  let pending: Promise<string> | undefined;
  async function signIn(): Promise<string> {
    const raw = await openDialog(dialogUrl);
    let message: DialogMessage;
    try {
      message = JSON.parse(raw) as DialogMessage;
    } catch {
      throw new Error('Het aanmeldvenster gaf een onleesbaar antwoord.');
    }
    if (message.kind !== 'token') throw new Error(message.message || 'Aanmelden is niet gelukt.');
    cached = { token: message.accessToken, until: message.expiresOn - 5 * 60_000 };
    return message.accessToken;
  }
  return {
    getToken() {
      if (cached && cached.until > Date.now()) return Promise.resolve(cached.token);
      pending ??= signIn().finally(() => (pending = undefined));
      return pending;
    },
  };
}
