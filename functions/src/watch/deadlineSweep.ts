import { createHash } from 'node:crypto';
import { toAmsterdamDate } from '../../../domain/src/localDate';
import { pendingDeadlines, type PendingDeadline } from '../../../domain/src/pendingDeadlines';
import type { WorkingDayCalendar } from '../../../domain/src/workingDayCalendar';
import type { Clock } from '../app/ports/clock';
import type { ComplaintDocument } from '../app/complaintDocument';
import { allOpen } from '../app/indexEntry';
import type { ComplaintIndex, IndexEntry } from '../app/ports/complaintIndex';
import type { ComplaintStore } from '../app/ports/complaintStore';
import type { Mailer } from '../app/ports/mailer';
import { escalationClaimKey, isNoticeKey } from '../letters/staffNotice';
import { isLetterEntry } from '../app/ports/outboxEntry';
import { noticesFor, parsePending } from './deadlineNotices';
import { mapLimit } from '../common/boundedConcurrency';
import { noticeMail, type NoticeLine } from './staffMail';
import type { WatchStore } from '../app/ports/watchStore';
import type { MailboxStore } from '../app/ports/mailboxPorts';

export interface SweepDeps {
  index: ComplaintIndex;
  complaints: ComplaintStore<ComplaintDocument>;
  watch: WatchStore;
  mailer: Mailer;
  clock: Clock;
  calendar: WorkingDayCalendar;
  /** Working days before a deadline that the handler is reminded (setting, default 2). */
  reminderWorkingDays: number;
  directorAddress: string | undefined;
  registerUrl: string;
  organisationName: string;
  /**
   * The complaints mailbox's unreviewed e-mails (R4: the acknowledgement clock runs from receipt, registered or
   * not). Without it the sweep looks at complaints only.
   */
  mailbox?: Pick<MailboxStore, 'listUnreviewed'>;
  /** Counts only: never addresses, numbers or content. */
  log?: (line: string) => void;
}

/** After this many working days an unreviewed e-mail is brought to the handlers' attention. */
export const unreviewedWarnWorkingDays = 3;

export interface SweepReport {
  open: number;
  /** Notices this run claimed (new today). */
  notices: number;
  mails: number;
  /** Mails that could not be sent; their notices are released for the next run. */
  mailsNotSent: number;
}

interface Recipient {
  audience: 'handler' | 'director';
  name: string;
  address: string;
  lines: NoticeLine[];
  keys: string[];
}

const noticeScope = 'notices';

/**
 * The hourly deadline sweep (R4, R5, R8, R10): reads the open complaints only (their own storage), never the register,
 * and tells the handler what is due soon and what is overdue, the director what is overdue, and the handler
 * which letters could not be sent. Every notice is claimed in storage before it is mailed (`createEntity`
 * first), so however often the sweep runs, or if two runs overlap, each notice goes out once; a mail that was
 * certainly not sent gives its claims back, so the next run tries again.
 */
export async function deadlineSweep(deps: SweepDeps): Promise<SweepReport> {
  const now = deps.clock.now();
  const today = toAmsterdamDate(now);
  const open = await allOpen(deps.index);
  const recipients = new Map<string, Recipient>();
  const add = (
    audience: Recipient['audience'],
    name: string,
    address: string,
    line: NoticeLine,
    key: string,
  ) => {
    const id = `${audience}:${address.toLowerCase()}`;
    const r = recipients.get(id) ?? { audience, name, address, lines: [], keys: [] };
    r.lines.push(line);
    r.keys.push(key);
    recipients.set(id, r);
  };

  const handlers = new Map<string, { name: string; address: string }>();
  await mapLimit(open, 16, async (entry) => {
    const { pending, handler } = await workOf(deps, entry);
    if (!handler) return;
    handlers.set(handler.address.toLowerCase(), handler);
    // R10: escalations land with the director, once per escalation (its reply deadline identifies it).
    const escalation = pending.find((p) => p.deadline === 'escalationResponseBy');
    if (escalation && deps.directorAddress) {
      // The same claim as the immediate notice of the escalation step: the director hears it once.
      const key = escalationClaimKey(entry.id, escalation.due);
      if (await deps.watch.claim(noticeScope, key, now))
        add(
          'director',
          'directeur',
          deps.directorAddress,
          { kind: 'escalated', number: entry.number, due: escalation.due },
          key,
        );
    }
    for (const n of noticesFor(pending, today, deps.calendar, deps.reminderWorkingDays)) {
      const line: NoticeLine = { kind: n.kind, number: entry.number, deadline: n.deadline, due: n.due };
      const base = `${entry.id}:${n.deadline}:${n.due}:${n.kind}`;
      if (await deps.watch.claim(noticeScope, `${base}:handler`, now))
        add('handler', handler.name, handler.address, line, `${base}:handler`);
      if (n.kind === 'overdue' && deps.directorAddress) {
        if (await deps.watch.claim(noticeScope, `${base}:director`, now))
          add('director', 'directeur', deps.directorAddress, line, `${base}:director`);
      }
    }
    // Only a complaint the index counts a failed letter for: one whose letters merely wait has nothing to report.
    // Rows from before the index counted failed letters, or unsent ones (undefined), are looked at too.
    const outbox =
      entry.failedLetters === 0 || entry.unsentLetters === 0
        ? []
        : await deps.complaints.listOutbox({ complaintId: entry.id });
    for (const record of outbox) {
      // Staff notices share the outbox; a failed one is covered by this sweep's own mails.
      const row = record.data;
      if (row.status !== 'failed' || isNoticeKey(record.key) || !isLetterEntry(row)) continue;
      const key = `${entry.id}:letter-${record.key}:failed:handler`;
      if (await deps.watch.claim(noticeScope, key, now)) {
        add(
          'handler',
          handler.name,
          handler.address,
          { kind: 'letterFailed', number: entry.number, letterKind: row.letter.kind },
          key,
        );
      }
    }
  });

  await unreviewedNotices(deps, [...handlers.values()], add);

  const report: SweepReport = { open: open.length, notices: 0, mails: 0, mailsNotSent: 0 };
  for (const r of recipients.values()) {
    report.notices += r.keys.length;
    const mail = noticeMail(r.lines, r.audience, r.name, deps.registerUrl, deps.organisationName);
    const digest = createHash('sha256')
      .update(`${r.address}|${r.keys.join('|')}`)
      .digest('hex')
      .slice(0, 24);
    let sent = false;
    try {
      const outcome = await deps.mailer.send({
        letterId: `watch:${today}:${digest}`,
        to: { name: r.name, address: r.address },
        subject: mail.subject,
        html: mail.html,
      });
      // `unknown`: it may have arrived; a second copy would be worse than none, so the claims stay.
      sent = outcome.kind !== 'notSent';
    } catch {
      sent = false;
    }
    if (sent) report.mails++;
    else {
      report.mailsNotSent++;
      await Promise.all(r.keys.map((k) => deps.watch.release(noticeScope, k)));
    }
  }
  deps.log?.(
    `deadline sweep: ${report.open} open, ${report.notices} notices, ${report.mails} mails, ${report.mailsNotSent} not sent`,
  );
  return report;
}

/**
 * Each e-mail still unreviewed 3 working days after its receipt is told once to each handler of an open
 * complaint (the people who work the complaints mailbox; the director when nobody handles one now). The line
 * names the day of receipt only: no sender, no subject, no text.
 */
async function unreviewedNotices(
  deps: SweepDeps,
  handlers: readonly { name: string; address: string }[],
  add: (audience: 'handler', name: string, address: string, line: NoticeLine, key: string) => void,
): Promise<void> {
  if (!deps.mailbox) return;
  const today = toAmsterdamDate(deps.clock.now());
  const due = (await deps.mailbox.listUnreviewed()).filter(
    (m) =>
      deps.calendar.addWorkingDays(toAmsterdamDate(new Date(m.receivedAt)), unreviewedWarnWorkingDays) <=
      today,
  );
  if (due.length === 0) return;
  const team =
    handlers.length > 0
      ? handlers
      : deps.directorAddress
        ? [{ name: 'directeur', address: deps.directorAddress }]
        : [];
  for (const mail of due) {
    const receivedOn = toAmsterdamDate(new Date(mail.receivedAt));
    for (const person of team) {
      const key = `unreviewed:${mail.key}:${person.address.toLowerCase()}`;
      if (await deps.watch.claim(noticeScope, key, deps.clock.now()))
        add('handler', person.name, person.address, { kind: 'unreviewed', receivedOn }, key);
    }
  }
}

/** The pending deadlines and handler from the index row; rows from before the sweep existed read the complaint. */
async function workOf(
  deps: SweepDeps,
  entry: IndexEntry,
): Promise<{ pending: PendingDeadline[]; handler?: { name: string; address: string } }> {
  if (entry.pending !== undefined && entry.handlerName !== undefined) {
    return {
      pending: parsePending(entry.pending),
      handler: { name: entry.handlerName, address: entry.handlerAddress },
    };
  }
  const stored = await deps.complaints.get(entry.id);
  if (!stored) return { pending: [] };
  const s = stored.doc.state;
  return { pending: pendingDeadlines(s), handler: { name: s.handler.name, address: s.handler.address } };
}
