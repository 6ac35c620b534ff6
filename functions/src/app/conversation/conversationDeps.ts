import type { WorkingDayCalendar } from '../../../../domain/src/workingDayCalendar';
import type { Clock } from '../ports/clock';
import type { ComplaintDocument } from '../complaintDocument';
import type { ComplaintIndex } from '../ports/complaintIndex';
import type { ComplaintStore } from '../ports/complaintStore';
import type { EvidenceStore, MailboxGraph, MailboxStore } from '../ports/mailboxPorts';
import type { Mailer } from '../ports/mailer';
import type { WatchStore } from '../ports/watchStore';

/** What the conversation use cases need: the ports, the clock, and the few settings of mailbox capture. */
export interface ConversationDeps {
  complaints: ComplaintStore<ComplaintDocument>;
  index: ComplaintIndex;
  mailboxStore: MailboxStore;
  graph: MailboxGraph;
  evidence: EvidenceStore;
  mailer: Mailer;
  watch: WatchStore;
  clock: Clock;
  calendar: WorkingDayCalendar;
  /** The complaints mailbox's address (the team's mail for unreviewed e-mails goes there). */
  mailbox: string;
  capture: { notificationUrl: string | undefined; clientState: string | undefined };
  /** Where staff mails link to (the task pane). */
  registerUrl: string;
  log: (line: string) => void;
}
