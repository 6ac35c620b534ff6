import { createRoot } from 'react-dom/client';
import {
  FluentProvider,
  teamsHighContrastTheme,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { createKlachtenApi } from '../api/klachtenApi';
import { createNaaTokenProvider } from '../auth/naaTokenProvider';
import type { TokenProvider } from '../auth/tokenProvider';
import { officeReady, onOpenItemChanged, readAttachmentContents, readOpenMessage } from '../office/mailbox';
import { readOfficeTheme } from '../office/officeTheme';
import { App } from './App';
import { apiBase, isDevBuild, naaSettings } from './buildConfig';

const themes = { light: webLightTheme, dark: webDarkTheme, highContrast: teamsHighContrastTheme };

async function tokenProvider(): Promise<TokenProvider> {
  if (isDevBuild) {
    // Dead code in production builds: the local sign-in never ships.
    const { createLocalTokenProvider } = await import(
      /* webpackChunkName: "devAuth" */ '../auth/localTokenProvider'
    );
    return createLocalTokenProvider('/dev');
  }
  return createNaaTokenProvider(naaSettings);
}

async function main(): Promise<void> {
  await officeReady();
  const api = createKlachtenApi(apiBase, await tokenProvider());
  const root = createRoot(document.getElementById('root') as HTMLElement);
  root.render(
    <FluentProvider theme={themes[readOfficeTheme()]}>
      <App api={api} mailbox={{ readOpenItem: readOpenMessage, readAttachmentContents, onOpenItemChanged }} />
    </FluentProvider>,
  );
}

void main();
