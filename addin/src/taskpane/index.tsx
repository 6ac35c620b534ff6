import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme, type Theme } from '@fluentui/react-components';
import { createKlachtenApi } from '../api/klachtenApi';
import { identityOfToken } from '../auth/tokenIdentity';
import { createOfficeTokenProvider } from '../auth/officeTokenProvider';
import { primedTokenProvider } from '../auth/primedTokenProvider';
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

function ThemedApp({ initialTheme, firstLoad }: { initialTheme: Theme; firstLoad: Promise<FirstLoad> }) {
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
      <App api={api} mailbox={mailbox} loadIdentity={loadIdentity} firstLoad={firstLoad} />
    </FluentProvider>
  );
}

const mailbox = withSharedItemChanged({
  readOpenItem: readOpenMessage,
  readAttachmentContents,
  onOpenItemChanged,
  forms: { canOpenReply, canOpenAppointment, openReply, openAppointment },
});

// Everything the first screen waits for starts as this module loads, side by side: the token, the open
// e-mail and then the look-up (which waits for the token inside the API client), and the theme. React draws
// the pane meanwhile and shows "Registreer klacht" as soon as the look-up answers.
const ready = officeReady();
const tokens = primedTokenProvider(() => ready.then(tokenProvider));
const api = createKlachtenApi(apiBase, tokens);
const loadIdentity = () => tokens.getToken().then(identityOfToken);
const firstLoad = ready.then(() => loadOpenItem(mailbox, api));
firstLoad.catch(() => undefined); // shown by MessageTab

void ready
  .then(() => Promise.resolve(loadTheme(readOfficeTheme())).catch(() => webLightTheme))
  .then((theme) => {
    createRoot(document.getElementById('root') as HTMLElement).render(
      <ThemedApp initialTheme={theme} firstLoad={firstLoad} />,
    );
  });
