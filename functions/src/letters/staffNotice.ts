import type { Effect } from '../../../domain/src/effects';
import { formatDutchDate, type LocalDate } from '../../../domain/src/localDate';
import type { ComplaintDocument } from '../app/complaintDocument';
import type { ComplaintStore, OutboxRecord, SideRow } from '../app/ports/complaintStore';
import type { Clock } from '../app/ports/clock';
import type { WatchStore } from '../app/ports/watchStore';
import { retryDelayMs, type DeliveryOptions } from './deliveryPolicy';
import { escapeHtml } from '../common/escape';
import type { Mailer, SendOutcome } from '../app/ports/mailer';
import {
  noticeCancelled,
  noticeClaimed,
  noticeFailed,
  noticeReleased,
  noticeSent,
  queuedNotice,
  type StaffNotice,
  type StaffNoticeEntry,
} from '../app/ports/outboxEntry';

/**
 * Mail to staff that a step causes at once, through the complaint's outbox like its letters: the director when
 * a complaint is escalated to them, the new handler after a reassignment. Written in the step's transaction,
 * so a notice exists exactly when its step does; sent by the letter sender. Like every staff mail it names
 * the complaint by number only. Its row's type is `StaffNoticeEntry` (`app/ports/outboxEntry.ts`).
 */

/** Outbox keys of notices start with `n`, after the letters' `0001…`: `n0005-director`. */
export const isNoticeKey = (key: string): boolean => key.startsWith('n');

/** The outbox rows for the staff notices among a step's effects. */
export function staffNoticeRows(doc: ComplaintDocument, effects: readonly Effect[], at: Date): SideRow[] {
  const seq = String(doc.state.timeline.at(-1)?.seq ?? 0).padStart(4, '0');
  return effects.flatMap((effect): SideRow[] => {
    const notice: StaffNotice | undefined =
      effect.type === 'notifyDirector'
        ? { kind: 'escalated', complaintNumber: effect.complaintNumber, respondBy: effect.respondBy }
        : effect.type === 'notifyHandler'
          ? { kind: 'assigned', complaintNumber: effect.complaintNumber, to: { ...effect.handler } }
          : undefined;
    if (!notice) return [];
    const key = `n${seq}-${notice.kind === 'escalated' ? 'director' : 'handler'}`;
    // Not `<complaintId>:…` like the letters: a notice is no letter to the complainant.
    const data = queuedNotice(`notice:${doc.id}:${key}`, notice, at.toISOString());
    return [{ kind: 'outbox', key, data }];
  });
}

/** The complaint with the notices among `rows` counted as unsent (written in the same transaction). */
export function withUnsentNotices(doc: ComplaintDocument, rows: readonly SideRow[]): ComplaintDocument {
  const keys = rows.filter((r) => r.kind === 'outbox' && isNoticeKey(r.key)).map((r) => r.key);
  if (keys.length === 0) return doc;
  return { ...doc, unsentNotices: [...new Set([...(doc.unsentNotices ?? []), ...keys])] };
}

/** The complaint without `keys` among its unsent notices; undefined when none of them was there. */
export function withoutUnsentNotices(
  doc: ComplaintDocument,
  keys: readonly string[],
): ComplaintDocument | undefined {
  if (!doc.unsentNotices?.some((k) => keys.includes(k))) return undefined;
  const { unsentNotices, ...rest } = doc;
  const left = unsentNotices.filter((k) => !keys.includes(k));
  return left.length > 0 ? { ...rest, unsentNotices: left } : rest;
}

/**
 * The claim the hourly sweep makes before it tells the director about an escalation: the notice makes the same
 * claim, so whichever comes first mails and the other stays silent.
 */
export const escalationClaimKey = (complaintId: string, respondBy: LocalDate | string): string =>
  `${complaintId}:escalationResponseBy:${respondBy}:escalated:director`;
const claimScope = 'notices';

export interface StaffNoticeDeps {
  complaints: ComplaintStore<ComplaintDocument>;
  mailer: Mailer;
  clock: Clock;
  options: DeliveryOptions;
  random: () => number;
  watch?: WatchStore;
  directorAddress?: string;
  /** The task pane; the notice links to `?complaint=<id>`. */
  registerUrl: string;
  organisationName: string;
}

export function staffNoticeMail(
  notice: StaffNotice,
  recipientName: string,
  link: string,
  organisation: string,
): { subject: string; html: string } {
  const subject =
    notice.kind === 'escalated'
      ? `Klachtenregister: klacht ${notice.complaintNumber} is aan u voorgelegd [${notice.complaintNumber}]`
      : `Klachtenregister: klacht ${notice.complaintNumber} is aan u toegewezen [${notice.complaintNumber}]`;
  const text =
    notice.kind === 'escalated'
      ? `Klacht ${notice.complaintNumber} is aan u voorgelegd. De klager krijgt uiterlijk ${formatDutchDate(notice.respondBy)} bericht over de verdere werkwijze.`
      : `U bent nu verantwoordelijk voor klacht ${notice.complaintNumber}.`;
  const html =
    `<!doctype html><html lang="nl"><body style="font-family:Segoe UI,Arial,sans-serif;font-size:14px">` +
    `<p>Beste ${escapeHtml(recipientName)},</p><p>${escapeHtml(text)}</p>` +
    `<p><a href="${escapeHtml(link)}">Open klacht ${escapeHtml(notice.complaintNumber)}</a></p>` +
    `<p style="color:#666">Automatisch bericht van het klachtenregister van ${escapeHtml(organisation)}.</p></body></html>`;
  return { subject, html };
}

export type NoticeOutcome = 'sent' | 'retrying' | 'failed' | 'finalized' | 'notDue' | 'skipped';

/**
 * Sends one notice at most once: the row is claimed with its ETag (two senders never both send), and the
 * director's notice also takes the sweep's claim. A mail that was certainly not sent gives the sweep's claim
 * back and is retried; after the last attempt the sweep's hourly mail is the fallback. An answer that never
 * came counts as sent: a second copy would be worse than none (as in the sweep).
 */
export async function deliverStaffNotice(
  deps: StaffNoticeDeps,
  record: OutboxRecord,
  entry: StaffNoticeEntry,
): Promise<NoticeOutcome> {
  const now = deps.clock.now();
  if (entry.status === 'sending' && Date.parse(entry.leaseUntil) <= now.getTime()) {
    // The attempt died after claiming: it may have mailed, and a second copy would be worse than none.
    await deps.complaints
      .saveOutbox({ complaintId: record.complaintId, key: record.key, data: noticeSent(entry) }, record.etag)
      .catch(() => undefined);
    return 'finalized';
  }
  if (entry.status !== 'queued') return 'skipped';
  if (entry.nextAttemptAt && Date.parse(entry.nextAttemptAt) > now.getTime()) return 'notDue';
  const save = (data: StaffNoticeEntry, etag: string): Promise<string> =>
    deps.complaints.saveOutbox({ complaintId: record.complaintId, key: record.key, data }, etag);
  const held = noticeClaimed(entry, new Date(now.getTime() + deps.options.leaseMs).toISOString());
  let etag: string;
  try {
    etag = await save(held, record.etag);
  } catch {
    return 'skipped'; // another sender holds it
  }
  const notice = entry.notice;
  const to =
    notice.kind === 'escalated'
      ? deps.directorAddress
        ? { name: 'directeur', address: deps.directorAddress }
        : undefined
      : notice.to;
  if (!to) {
    await save(noticeCancelled(held, 'no-director'), etag);
    return 'finalized';
  }
  const claimKey =
    notice.kind === 'escalated' ? escalationClaimKey(record.complaintId, notice.respondBy) : undefined;
  if (claimKey && deps.watch && !(await deps.watch.claim(claimScope, claimKey, now))) {
    await save(noticeSent(held, { sentBySweep: true }), etag);
    return 'finalized';
  }
  const link = `${deps.registerUrl}?complaint=${encodeURIComponent(record.complaintId)}`;
  const mail = staffNoticeMail(notice, to.name, link, deps.organisationName);
  const outcome: SendOutcome = await deps.mailer
    .send({ letterId: entry.noticeId, to, subject: mail.subject, html: mail.html })
    .catch((): SendOutcome => ({ kind: 'notSent', retryable: true, code: 'exception' }));
  const attempts = entry.attempts + 1;
  if (outcome.kind !== 'notSent') {
    await save(noticeSent(held, { attempts, sentAt: deps.clock.now().toISOString() }), etag);
    return 'sent';
  }
  if (claimKey && deps.watch) await deps.watch.release(claimScope, claimKey);
  if (!outcome.retryable || attempts >= deps.options.maxAttempts) {
    await save(noticeFailed(held, attempts, outcome.code), etag);
    return 'failed';
  }
  const delay = retryDelayMs(attempts, deps.options, deps.random, outcome.retryAfterMs);
  const nextAttemptAt = new Date(deps.clock.now().getTime() + delay).toISOString();
  await save(noticeReleased(held, attempts, outcome.code, nextAttemptAt), etag);
  return 'retrying';
}
