/**
 * Dev only: the floor of bench/addin.bench.ts — a page with nothing but Fluent's provider and one Button,
 * built with the same loader settings in the same run as the task pane.
 */
import { createRoot } from 'react-dom/client';
import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';

createRoot(document.getElementById('root') as HTMLElement).render(
  <FluentProvider theme={webLightTheme}>
    <Button appearance="primary">Registreer klacht</Button>
  </FluentProvider>,
);
