import type { NaaSettings } from './naaTokenProvider';
import { createDialogTokenProvider, type OpenAuthDialog } from './dialogTokenProvider';
import type { TokenProvider } from './tokenProvider';

export interface OfficeAuthHost {
  /** `Office.context.requirements.isSetSupported('NestedAppAuth', '1.1')`, asked in src/office/. */
  supportsNestedAppAuth(): boolean;
  openDialog: OpenAuthDialog;
  /** Absolute URL of auth-dialog.html on the add-in's origin. */
  dialogUrl: string;
}

/**
 * Production sign-in: NAA where Outlook supports it, the Office dialog otherwise. MSAL is imported lazily so
 * it becomes its own chunk (it is half the size of the first screen); the import starts at once, in parallel
 * with React's first render. The dialog provider is tiny and stays in the main bundle.
 */
export function createOfficeTokenProvider(settings: NaaSettings, host: OfficeAuthHost): TokenProvider {
  const provider: Promise<TokenProvider> = host.supportsNestedAppAuth()
    ? import(/* webpackChunkName: "naa" */ './naaTokenProvider').then((m) =>
        m.createNaaTokenProvider(settings),
      )
    : Promise.resolve(createDialogTokenProvider(host.dialogUrl, host.openDialog));
  return { getToken: async () => (await provider).getToken() };
}
