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
  /** Outlook opened a form for the user (a reply, a new appointment); the page keeps it for tests to see. */
  formOpened(form: SimulatedForm): void;
}

/** A form the pane asked Outlook to open, as the simulator saw it. */
export type SimulatedForm =
  | { kind: 'reply'; itemId: string; htmlBody: string }
  | {
      kind: 'appointment';
      subject: string;
      requiredAttendees: string[];
      start: string;
      end: string;
      body: string;
    };

declare global {
  interface Window {
    klachtenSimulator?: SimulatorBridge;
    /** The forms opened so far (newest last). */
    klachtenOpenedForms?: SimulatedForm[];
  }
}
