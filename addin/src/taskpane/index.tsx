import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme, type Theme } from '@fluentui/react-components';
import { createKlachtenApi } from '../api/klachtenApi';
import { identityOfToken, type Identity } from '../auth/tokenIdentity';
import { createOfficeTokenProvider } from '../auth/officeTokenProvider';
import type { TokenProvider } from '../auth/tokenProvider';
import { openAuthDialog, supportsNestedAppAuth } from '../office/authDialog';
import { canOpenAppointment, canOpenReply, openAppointment, openReply } from '../office/compose';
import { officeReady, onOpenItemChanged, readAttachmentContents, readOpenMessage } from '../office/mailbox';
import { onOfficeThemeChanged, readOfficeTheme } from '../office/officeTheme';
import { App } from './App';
import { apiBase, isDevBuild, naaSettings } from './buildConfig';
import { withSharedItemChanged } from './mailboxAccess';
import { loadOpenItem, type FirstLoad } from './MessageTab';
import { loadTheme } from './themes';

async function tokenProvider(): Promise<TokenProvider> {
  if (isDevBuild) {
    // Dead code in production builds: the local sign-in never ships.
    const { createLocalTokenProvider } = await import(
      /* webpackChunkName: "devAuth" */ '../auth/localTokenProvider'
    );
    return createLocalTokenProvider('/dev');
  }
  return createOfficeTokenProvider(naaSettings, {
    supportsNestedAppAuth,
    openDialog: openAuthDialog,
    dialogUrl: new URL('auth-dialog.html', location.href).href,
  });
}

function ThemedApp({
  tokens,
  initialTheme,
  firstLoad,
}: {
  tokens: TokenProvider;
  initialTheme: Theme;
  firstLoad: Promise<FirstLoad>;
}) {
  const [theme, setTheme] = useState<Theme>(initialTheme);
  useEffect(
    () =>
      onOfficeThemeChanged(() => {
        void Promise.resolve(loadTheme(readOfficeTheme())).then(setTheme);
      }),
    [],
  );
  return (
    <FluentProvider theme={theme}>
      <App api={api(tokens)} mailbox={mailbox} loadIdentity={identity(tokens)} firstLoad={firstLoad} />
    </FluentProvider>
  );
}

const mailbox = withSharedItemChanged({
  readOpenItem: readOpenMessage,
  readAttachmentContents,
  onOpenItemChanged,
  forms: { canOpenReply, canOpenAppointment, openReply, openAppointment },
});
let client: ReturnType<typeof createKlachtenApi> | undefined;
const api = (tokens: TokenProvider) => (client ??= createKlachtenApi(apiBase, tokens));
let who: (() => Promise<Identity>) | undefined;
const identity = (tokens: TokenProvider) => (who ??= () => tokens.getToken().then(identityOfToken));

async function main(): Promise<void> {
  await officeReady();
  const [tokens, theme] = await Promise.all([
    tokenProvider(),
    Promise.resolve(loadTheme(readOfficeTheme())).catch(() => webLightTheme),
  ]);
  // Read the e-mail and ask the register now, while React draws the pane: the first screen waits for it.
  const firstLoad = loadOpenItem(mailbox, api(tokens));
  firstLoad.catch(() => undefined); // shown by MessageTab
  createRoot(document.getElementById('root') as HTMLElement).render(
    <ThemedApp tokens={tokens} initialTheme={theme} firstLoad={firstLoad} />,
  );
}

void main();
