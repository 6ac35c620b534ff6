import type { SampleEmail } from '../samples/samples';

/**
 * How the simulator page and the task pane (in its iframe, same origin) talk: the page owns the selected
 * e-mail and tells subscribers when it changes, as Outlook does with ItemChanged.
 */
export interface SimulatorBridge {
  selected(): SampleEmail | null;
  subscribe(listener: () => void): void;
  /** Mailbox requirement set the simulated Outlook supports (e.g. '1.8', or '1.5' to simulate an old client). */
  mailboxVersion(): string;
}

declare global {
  interface Window {
    klachtenSimulator?: SimulatorBridge;
  }
}
