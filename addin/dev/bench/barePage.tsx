/**
 * Dev only: the floor of bench/addin.bench.ts — a page with nothing but Fluent's provider and one Button, built
 * with the same loader settings in the same run as the task pane. Like the pane, it enables the button only once
 * the server has answered "is this e-mail registered?" (the one round trip the pane cannot avoid): the same
 * request the pane makes for the bench's e-mail, answered by the same bench server.
 */
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';

/** The e-mail the bench's stand-in office.js (officeStub.js) reports as the open item. */
const internetMessageId = '<bench@example.org>';

function BarePage() {
  const [registered, setRegistered] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    void fetch(`/api/complaints?internetMessageId=${encodeURIComponent(internetMessageId)}`, {
      headers: { authorization: 'Bearer bench' },
    })
      .then((response) => response.json() as Promise<{ items: unknown[] }>)
      .then((page) => setRegistered(page.items.length > 0));
  }, []);
  return (
    <Button appearance="primary" disabled={registered !== false}>
      Registreer klacht
    </Button>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <FluentProvider theme={webLightTheme}>
    <BarePage />
  </FluentProvider>,
);
