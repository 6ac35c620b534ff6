import { Suspense, useCallback, useEffect, useState } from 'react';
import { Button } from '@fluentui/react-components';
import type { KlachtenApi } from '../api/klachtenApi';
import { canHandle, type Identity } from '../auth/tokenIdentity';
import { Busy } from './Busy';
import { firstScreen } from './firstScreenStyles';
import type { MailboxAccess } from './mailboxAccess';
import { MessageTab, type FirstLoad } from './MessageTab';
import { ComplaintPanel, DirectorTab, RegisterTab, Tabs } from './lazyParts';
import type { TabValue } from './Tabs';

export interface AppProps {
  api: KlachtenApi;
  mailbox: MailboxAccess;
  /** Who is signed in (from the access token); the pane renders before it is known. */
  loadIdentity: () => Promise<Identity>;
  /** The open e-mail's first load, when index.tsx started it before rendering. */
  firstLoad?: Promise<FirstLoad>;
}

const loading = <Busy label="Laden…" />;

/**
 * The task pane: the open e-mail first; for handlers also the register, for the director the yearly figures.
 * A complaint opened from the register or a repeat warning replaces the tab's content until "Terug".
 */
/** Where the tabs will be, kept while they wait, so the first screen does not move down when they come. */
const tabsRoom = <div className={firstScreen.tabsPlaceholder} aria-hidden="true" />;

export function App({ api, mailbox, loadIdentity, firstLoad }: AppProps) {
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [tab, setTab] = useState<TabValue>('message');
  const [opened, setOpened] = useState<string | null>(null);
  // The tabs (a lazy chunk) wait until the first screen is there, so they never delay "Registreer klacht".
  const [settled, setSettled] = useState(false);
  const onSettled = useCallback(() => setSettled(true), []);

  useEffect(() => {
    loadIdentity().then(setIdentity, () => undefined);
  }, [loadIdentity]);

  useEffect(() => {
    mailbox.onOpenItemChanged(() => {
      setOpened(null);
      setTab('message');
    });
  }, [mailbox]);

  const handler = canHandle(identity?.role ?? null);
  const me = identity && identity.address ? { name: identity.name, address: identity.address } : undefined;

  return (
    <main className={firstScreen.root} aria-live="polite">
      {/* The page's one h1: screen readers announce and navigate by it; sighted users see Outlook's pane title. */}
      <h1 className={firstScreen.visuallyHidden}>Klachtenregister</h1>
      {handler && !settled && tabsRoom}
      {handler && settled && (
        <Suspense fallback={tabsRoom}>
          <Tabs
            value={tab}
            director={identity?.role === 'Directeur'}
            onChange={(value) => {
              setTab(value);
              setOpened(null);
            }}
          />
        </Suspense>
      )}
      {/* Stays mounted while another tab is shown, so what was typed for the e-mail is kept. */}
      <div hidden={tab !== 'message' || opened !== null}>
        <MessageTab
          api={api}
          mailbox={mailbox}
          me={me}
          onOpenComplaint={setOpened}
          firstLoad={firstLoad}
          onSettled={onSettled}
        />
      </div>
      {opened && (
        <Suspense fallback={loading}>
          <Button appearance="subtle" onClick={() => setOpened(null)}>
            ← Terug
          </Button>
          <ComplaintPanel
            key={opened}
            api={api}
            complaintId={opened}
            onOpenComplaint={setOpened}
            forms={mailbox.forms}
          />
        </Suspense>
      )}
      {!opened && tab === 'register' && (
        <Suspense fallback={loading}>
          <RegisterTab
            api={api}
            director={identity?.role === 'Directeur'}
            onOpenComplaint={(s) => setOpened(s.id)}
          />
        </Suspense>
      )}
      {!opened && tab === 'director' && (
        <Suspense fallback={loading}>
          <DirectorTab api={api} />
        </Suspense>
      )}
    </main>
  );
}
