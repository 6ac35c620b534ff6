import { recordLetterSent } from '../../../domain/src/lifecycle';
import { maxLocalDate, toAmsterdamDate } from '../../../domain/src/localDate';
import type { Letter } from '../../../domain/src/effects';
import { retryDelayMs, type DeliveryOptions } from './deliveryPolicy';
import type { LetterSettings } from './letterSettings';
import type { Mailer } from '../app/ports/mailer';
import {
  PENDING_STATUSES,
  cancelled,
  claimed,
  failed,
  isDue,
  isPending,
  isLetterEntry,
  isStaffNoticeEntry,
  released,
  sent,
  verified,
  type DeliveryProof,
  type OutboxEntry,
  type PendingEntry,
  type SendingEntry,
} from '../app/ports/outboxEntry';
import { renderLetter } from './renderLetter';
import { inReviewWindow } from './reviewWindow';
import type { Clock } from '../app/ports/clock';
import type { ComplaintDocument } from '../app/complaintDocument';
import { indexEntryOf } from '../app/indexEntry';
import type { ComplaintIndex } from '../app/ports/complaintIndex';
import { AppError, isStaleWrite } from '../common/errors';
import { mapLimit } from '../common/boundedConcurrency';
import { retry } from '../common/retry';
import type { ComplaintStore, OutboxRecord, Stored, WrittenComplaint } from '../app/ports/complaintStore';
import { auditRow } from '../app/sideRows';
import { deliverStaffNotice, withoutUnsentNotices, type StaffNoticeDeps } from './staffNotice';
import { failedLetterCount, withFailedLetter, withoutFailedLetters } from './failedLetters';
import { sameEmailAddress } from '../../../domain/src/emailAddress';

export interface LetterDeliveryDeps {
  complaints: ComplaintStore<ComplaintDocument>;
  /** Rewritten after a letter is recorded: sending the acknowledgement ends the `acknowledgeBy` deadline. */
  index: ComplaintIndex;
  mailer: Mailer;
  clock: Clock;
  settings: LetterSettings;
  options: DeliveryOptions;
  /** Jitter; injectable so tests are repeatable. */
  random: () => number;
  /** Counts and error codes only: never content, never addresses. */
  log?: (line: string) => void;
  /** For the staff notices in the outbox (escalation, reassignment); without it they wait for a sender that has it. */
  staff?: Pick<StaffNoticeDeps, 'watch' | 'directorAddress' | 'registerUrl' | 'organisationName'>;
}

export type KnownComplaint = WrittenComplaint<ComplaintDocument>;

export type LetterOutcome = 'sent' | 'retrying' | 'failed' | 'finalized' | 'notDue' | 'skipped' | 'error';

export type DeliveryReport = Record<LetterOutcome, number>;

/** One letter's row waiting to go, with where it lives. */
interface Pending {
  record: OutboxRecord;
  entry: PendingEntry;
}

/** A complaint whose index row counts more unsent notices than its outbox holds, with the notices seen settled. */
interface StaleNotices {
  complaintId: string;
  settled: string[];
}

interface UncountedFailures {
  complaintId: string;
  /** The letters whose outbox rows say "verzending mislukt". */
  seqs: number[];
  /** What the index row counts. */
  counted: number;
}

const at = (date: Date, plusMs = 0): string => new Date(date.getTime() + plusMs).toISOString();

/**
 * The outbox sender: delivers every queued letter that is due, across all complaints or for one
 * complaint (right after its step). Each letter is sent at most once:
 *
 * 1. the row is *claimed* with its ETag (status `sending`, a lease): two senders never hold the same letter;
 * 2. when the previous attempt may have been accepted (its answer was lost, or it died holding the lease),
 *    Sent Items is searched for the letter's id first, and a hit is recorded instead of sending again;
 * 3. an accepted letter is recorded on the complaint (`recordLetterSent`, ETag-guarded, retried on 412; for
 *    the acknowledgement this is what acknowledges the complaint) with an audit row, then the row becomes `sent`
 *    with the proof (Graph id if known, time, recipient);
 * 4. a refused letter waits (exponential backoff with jitter, at least Retry-After) and is marked
 *    "verzending mislukt" after `maxAttempts`: on the complaint (counted for the hourly sweep, with the audit
 *    row), then on the row.
 */
export async function deliverLetters(
  deps: LetterDeliveryDeps,
  /**
   * Which letters to look at: one complaint's (right after a step), the complaints the index says have unsent
   * letters or notices (every minute: partition reads, not a scan of the register; a count of notices that
   * outlived them is repaired there), or a scan of every outbox row (`fullScan`, hourly: the safety net for an
   * index entry that could not be written).
   */
  scope: { complaintId?: string; fullScan?: boolean; known?: KnownComplaint } = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = {
    sent: 0,
    retrying: 0,
    failed: 0,
    finalized: 0,
    notDue: 0,
    skipped: 0,
    error: 0,
  };
  // What the caller has just written needs no reading back: its outbox rows, and the complaint for the first letter.
  let known = scope.known;
  const work = known || scope.complaintId || scope.fullScan ? undefined : await readWorkList(deps);
  const records = known
    ? known.records
    : scope.complaintId
      ? await deps.complaints.listOutbox({ complaintId: scope.complaintId })
      : (work?.pending ?? (await deps.complaints.listOutbox({ statuses: PENDING_STATUSES })));
  const byComplaint = new Map<string, Pending[]>();
  const notices: OutboxRecord[] = [];
  for (const record of records) {
    const entry = record.data;
    if (isStaffNoticeEntry(entry)) notices.push(record);
    else if (isPending(entry)) {
      const list = byComplaint.get(record.complaintId) ?? [];
      list.push({ record, entry });
      byComplaint.set(record.complaintId, list);
    }
  }
  // Letters of one complaint one by one (they share the complaint's ETag); complaints in parallel.
  const groups = [...byComplaint.values()].map((list) =>
    list.sort((a, b) => a.entry.letter.seq - b.entry.letter.seq),
  );
  await mapLimit(groups, deps.options.concurrency, async (group) => {
    for (const pending of group) {
      const preloaded = known?.stored.doc.id === pending.record.complaintId ? known.stored : undefined;
      known = undefined;
      try {
        report[await deliverOne(deps, pending, preloaded)]++;
      } catch (error) {
        report.error++;
        deps.log?.(`letter delivery error: ${error instanceof Error ? error.name : typeof error}`);
      }
    }
  });
  if (deps.staff) {
    const staff: StaffNoticeDeps = { ...deps, ...deps.staff };
    for (const record of notices) {
      const entry = record.data;
      if (!isStaffNoticeEntry(entry) || !isPending(entry)) continue;
      try {
        const outcome = await deliverStaffNotice(staff, record, entry);
        report[outcome]++;
        if (outcome === 'sent' || outcome === 'failed' || outcome === 'finalized')
          await settleNotice(deps, record).catch(() => deps.log?.('notice settle failed'));
      } catch (error) {
        report.error++;
        deps.log?.(`staff notice error: ${error instanceof Error ? error.name : typeof error}`);
      }
    }
  }
  await mapLimit(work?.stale ?? [], deps.options.concurrency, (s) =>
    repairNoticeCount(deps, s).catch(() => deps.log?.('notice count repair failed')),
  );
  await mapLimit(work?.uncounted ?? [], deps.options.concurrency, (u) =>
    repairFailedCount(deps, u).catch(() => deps.log?.('failed letter count repair failed')),
  );
  return report;
}

/**
 * The pending rows of the complaints on the index's work list, and the complaints whose row counts more
 * unsent notices than their outbox holds pending: a settled notice whose removal from the complaint failed
 * would otherwise keep the complaint on the list until that notice is settled again, which never happens.
 * Also the complaints whose outbox holds more failed letters than their row counts (the index write after the
 * failure was lost, or the letter failed before failures were counted): the hourly sweep reads an outbox only
 * where the row counts one, so it would never tell the handler.
 */
async function readWorkList(
  deps: LetterDeliveryDeps,
): Promise<{ pending: OutboxRecord[]; stale: StaleNotices[]; uncounted: UncountedFailures[] }> {
  const work = await deps.index.withUnsentLetters();
  const outboxes = await mapLimit(work, 16, async ({ id, unsentNotices, failedLetters }) => {
    const rows = await deps.complaints.listOutbox({ complaintId: id });
    const notices = rows.filter((r) => isStaffNoticeEntry(r.data));
    const pendingNotices = notices.filter((r) => isPending(r.data)).length;
    const stale: StaleNotices | undefined =
      unsentNotices > pendingNotices
        ? { complaintId: id, settled: notices.filter((r) => !isPending(r.data)).map((r) => r.key) }
        : undefined;
    const failedSeqs = rows.flatMap((r) =>
      isLetterEntry(r.data) && r.data.status === 'failed' ? [r.data.letter.seq] : [],
    );
    const uncounted: UncountedFailures | undefined =
      failedSeqs.length > failedLetters
        ? { complaintId: id, seqs: failedSeqs, counted: failedLetters }
        : undefined;
    return { pending: rows.filter((r) => isPending(r.data)), stale, uncounted };
  });
  return {
    pending: outboxes.flatMap((o) => o.pending),
    stale: outboxes.flatMap((o) => (o.stale ? [o.stale] : [])),
    uncounted: outboxes.flatMap((o) => (o.uncounted ? [o.uncounted] : [])),
  };
}

/**
 * Reply in the complainant's thread only when the e-mail was theirs: a forwarded complaint's original is the
 * employee's message, and its thread is not the complainant's.
 */
function replyTarget(doc: ComplaintDocument, letter: Letter): string | undefined {
  return letter.inReplyTo && sameEmailAddress(doc.message.from.address, letter.to.address)
    ? letter.inReplyTo
    : undefined;
}

async function deliverOne(
  deps: LetterDeliveryDeps,
  { record, entry }: Pending,
  preloaded?: Stored<ComplaintDocument>,
): Promise<LetterOutcome> {
  const now = deps.clock.now();
  if (!isDue(entry, now)) return 'notDue';
  const stored = preloaded ?? (await deps.complaints.get(record.complaintId));
  if (!stored) return 'skipped';
  const seq = entry.letter.seq;
  const known = stored.doc.state.letters.find((l) => l.seq === seq);
  const save = (data: OutboxEntry, etag: string): Promise<string> =>
    deps.complaints.saveOutbox({ complaintId: record.complaintId, key: record.key, data }, etag);

  if (known?.sentOn !== undefined) {
    // Recorded on the complaint by an earlier run that stopped before updating the row.
    await save(sent(entry), record.etag).catch(ignoreStale);
    return 'finalized';
  }
  // The claim this attempt would write (saved below, after the checks that need no claim).
  let current = claimed(entry, at(now, deps.options.leaseMs));
  const mustVerify = current.mustVerify === true;
  if (known?.cancelledOn !== undefined && !mustVerify) {
    await save(cancelled(entry), record.etag).catch(ignoreStale);
    return 'finalized';
  }
  if (inReviewWindow(entry, stored.doc, now, deps.options.reviewWindowMs)) return 'notDue';

  let etag: string;
  try {
    etag = await save(current, record.etag);
  } catch (error) {
    if (isStaleWrite(error)) return 'skipped'; // another sender claimed it first
    throw error;
  }

  if (mustVerify) {
    const found = await deps.mailer.findSent(entry.letterId);
    if (found.kind === 'found') {
      return markSent(deps, record, current, etag, {
        sentAt: found.sentAt ?? deps.clock.now().toISOString(),
        recipient: entry.letter.to.address,
        graphMessageId: found.graphMessageId,
        inThread: replyTarget(stored.doc, entry.letter) !== undefined,
        foundInSentItems: true,
      });
    }
    if (found.kind === 'error') {
      // Lookups count as attempts too, so a mailbox that cannot be searched ends in "verzending mislukt"
      // (the handler checks by hand) instead of a letter that waits forever.
      const attempts = current.attempts + 1;
      if (attempts >= deps.options.maxAttempts + 3) {
        return markFailed(deps, record, current, etag, `lookup-${found.code}`, attempts);
      }
      const delay = retryDelayMs(Math.max(1, attempts), deps.options, deps.random, found.retryAfterMs);
      await save(released(current, { attempts, lastError: `lookup-${found.code}` }, at(now, delay)), etag);
      return 'retrying';
    }
    if (current.attempts >= deps.options.maxAttempts && known?.cancelledOn === undefined) {
      // The last attempt may still have gone: Exchange can accept a message after we stopped waiting and file
      // it later still. "Verzending mislukt" keeps `mustVerify`, so queueing it again looks once more first.
      return markFailed(deps, record, current, etag, current.lastError ?? 'attempts');
    }
    current = verified(current);
  }
  if (known?.cancelledOn !== undefined) {
    await save(cancelled(current), etag).catch(ignoreStale);
    return 'finalized';
  }
  if (current.attempts >= deps.options.maxAttempts) {
    return markFailed(deps, record, current, etag, current.lastError ?? 'attempts');
  }

  const rendered = renderLetter(entry.letter, stored.doc.state, deps.settings, {
    ...(entry.personalNote ? { personalNote: entry.personalNote } : {}),
  });
  const replyTo = replyTarget(stored.doc, entry.letter);
  const outcome = await deps.mailer.send({
    letterId: entry.letterId,
    to: entry.letter.to,
    subject: rendered.subject,
    html: rendered.html,
    ...(replyTo ? { replyTo } : {}),
  });
  const attempts = current.attempts + 1;
  const after = deps.clock.now();
  switch (outcome.kind) {
    case 'accepted':
      return markSent(deps, record, { ...current, attempts }, etag, {
        sentAt: after.toISOString(),
        recipient: entry.letter.to.address,
        ...(outcome.graphMessageId ? { graphMessageId: outcome.graphMessageId } : {}),
        inThread: outcome.inThread,
        foundInSentItems: false,
      });
    case 'notSent': {
      if (!outcome.retryable || attempts >= deps.options.maxAttempts) {
        return markFailed(deps, record, current, etag, outcome.code, attempts);
      }
      const delay = retryDelayMs(attempts, deps.options, deps.random, outcome.retryAfterMs);
      await save(released(current, { attempts, lastError: outcome.code }, at(after, delay)), etag);
      return 'retrying';
    }
    case 'unknown': {
      // Perhaps sent: the next run looks in Sent Items first, also when this was the last attempt.
      const delay = Math.max(deps.options.verifyDelayMs, retryDelayMs(attempts, deps.options, deps.random));
      await save(
        released(current, { attempts, lastError: outcome.code, mustVerify: true }, at(after, delay)),
        etag,
      );
      return 'retrying';
    }
  }
}

function ignoreStale(error: unknown): void {
  if (!isStaleWrite(error)) throw error;
}

/**
 * Retries an ETag-guarded change of the complaint until it lands (another writer got there first: re-read). A
 * letter already sent must be recorded, so this tries longer than a handler's request does.
 */
function updateComplaint(
  deps: LetterDeliveryDeps,
  complaintId: string,
  change: (stored: Stored<ComplaintDocument>) => ComplaintDocument | undefined,
  rows: Parameters<LetterDeliveryDeps['complaints']['update']>[2],
): Promise<ComplaintDocument | undefined> {
  return retry(
    async () => {
      const stored = await deps.complaints.get(complaintId);
      if (!stored) return undefined;
      const next = change(stored);
      if (!next) return undefined;
      await deps.complaints.update(next, stored.etag, rows);
      return next;
    },
    {
      attempts: 20,
      baseDelayMs: 10,
      maxDelayMs: 250,
      random: deps.random,
      retryOn: isStaleWrite,
      exhausted: () => {
        throw new AppError(
          'unavailable',
          'complaint-busy',
          'De klacht wordt op dit moment steeds gewijzigd.',
        );
      },
    },
  );
}

/**
 * A notice that was sent or given up no longer counts on its complaint, so the index stops sending the
 * per-minute sender there. Retried on a concurrent change like a sent letter's record.
 */
async function settleNotice(deps: LetterDeliveryDeps, record: OutboxRecord): Promise<void> {
  const settled = await updateComplaint(
    deps,
    record.complaintId,
    ({ doc }) => withoutUnsentNotices(doc, [record.key]),
    [],
  );
  if (settled) await deps.index.put(indexEntryOf(settled));
}

/**
 * A repair of what the complaint counts: `change` gives the complaint corrected (undefined: it was right), and the
 * index row is written again from the complaint as it now is, where `indexBehind` says the row's count differs.
 */
async function repairCount(
  deps: LetterDeliveryDeps,
  complaintId: string,
  change: (doc: ComplaintDocument) => ComplaintDocument | undefined,
  indexBehind: (doc: ComplaintDocument) => boolean,
): Promise<void> {
  let read: ComplaintDocument | undefined;
  const repaired = await updateComplaint(
    deps,
    complaintId,
    ({ doc }) => {
      read = doc;
      return change(doc);
    },
    [],
  );
  const doc = repaired ?? read;
  if (doc && indexBehind(doc)) await deps.index.put(indexEntryOf(doc));
}

/**
 * Takes the notices seen settled off a complaint that still lists them (their own removal failed), then
 * rewrites its index row from the complaint: also when the complaint was right and only the row's count was
 * left behind. A settled notice never becomes pending again, so what the outbox showed before the complaint
 * was read still holds; a notice a step added meanwhile is not among them and stays.
 */
const repairNoticeCount = (deps: LetterDeliveryDeps, { complaintId, settled }: StaleNotices): Promise<void> =>
  repairCount(
    deps,
    complaintId,
    (doc) => withoutUnsentNotices(doc, settled),
    () => true,
  );

/**
 * Counts on the complaint the failed letters its outbox shows and it does not (a letter sent or cancelled since
 * is left out), then writes the index entry when its count differs: after that the hourly sweep reads this
 * outbox and tells the handler. A complaint that already counted them only gets its index entry again.
 */
const repairFailedCount = (
  deps: LetterDeliveryDeps,
  { complaintId, seqs, counted }: UncountedFailures,
): Promise<void> =>
  repairCount(
    deps,
    complaintId,
    (doc) => {
      const next = seqs.reduce(withFailedLetter, doc);
      return next === doc ? undefined : next;
    },
    (doc) => failedLetterCount(doc) !== counted,
  );

async function markSent(
  deps: LetterDeliveryDeps,
  record: OutboxRecord,
  entry: SendingEntry,
  etag: string,
  proof: DeliveryProof,
): Promise<LetterOutcome> {
  const seq = entry.letter.seq;
  const now = deps.clock.now();
  const detail = `letter ${seq} (${entry.letter.kind}) sent ${proof.sentAt}${proof.graphMessageId ? `; graph id ${proof.graphMessageId}` : ''}; ${proof.inThread ? 'reply in thread' : 'new message'}${proof.foundInSentItems ? '; found in Sent Items' : ''}`;
  const recorded = await updateComplaint(
    deps,
    record.complaintId,
    ({ doc }) => {
      const letter = doc.state.letters.find((l) => l.seq === seq);
      if (!letter) return undefined;
      // Graph's time, unless it is ahead of ours (the dev clock may be set back): the date is ours to record.
      const sentAt = Math.min(Date.parse(proof.sentAt) || now.getTime(), now.getTime());
      const sentOn = maxLocalDate(toAmsterdamDate(new Date(sentAt)), letter.queuedOn);
      const result = recordLetterSent(doc.state, seq, sentOn);
      if (!result.ok) return undefined;
      // Sent after it had failed once (queued again by the handler): no longer a failure for the sweep to report.
      const next = { ...doc, state: result.state };
      return withoutFailedLetters(next, [seq]) ?? next;
    },
    [auditRow(now, 'system', 'letter-sent', detail)],
  );
  if (recorded) {
    // Like every change of a complaint: the index follows; if this fails, the next change repairs it.
    await deps.index.put(indexEntryOf(recorded)).catch(() => deps.log?.('index update after letter failed'));
  } else {
    // Sent although the complaint no longer expected it (cancelled meanwhile): the proof still belongs in the trail.
    const row = auditRow(now, 'system', 'letter-sent', detail);
    if (row.kind === 'audit') await deps.complaints.audit(record.complaintId, [row.data]);
  }
  await deps.complaints
    .saveOutbox({ complaintId: record.complaintId, key: record.key, data: sent(entry, proof) }, etag)
    .catch(ignoreStale); // the complaint says it was sent; a later run tidies the row
  return 'sent';
}

/**
 * "Verzending mislukt": first the complaint counts the letter as failed (ETag-guarded, with the audit row in the
 * same write), then the row says so, then the index follows. The hourly sweep reads an outbox only when the
 * index counts a failed letter, and in this order a write that fails leaves at worst a count without a failed
 * row (one query of the sweep), not a failed row the complaint does not count. The index write is tolerated like
 * a sent letter's: the per-minute run, which reads this outbox while the letter is unsent, writes it again.
 */
async function markFailed(
  deps: LetterDeliveryDeps,
  record: OutboxRecord,
  entry: SendingEntry,
  etag: string,
  code: string,
  attempts = entry.attempts,
): Promise<LetterOutcome> {
  const now = deps.clock.now();
  const seq = entry.letter.seq;
  const audit = auditRow(
    now,
    'system',
    'letter-failed',
    `letter ${seq} (${entry.letter.kind}): verzending mislukt na ${attempts} poging(en) (${code})`,
  );
  const recorded = await updateComplaint(deps, record.complaintId, ({ doc }) => withFailedLetter(doc, seq), [
    audit,
  ]);
  // No complaint to record it on (erased meanwhile): the trail still gets the failure.
  if (!recorded && audit.kind === 'audit') await deps.complaints.audit(record.complaintId, [audit.data]);
  await deps.complaints.saveOutbox(
    {
      complaintId: record.complaintId,
      key: record.key,
      data: failed(entry, code, now.toISOString(), attempts),
    },
    etag,
  );
  if (recorded)
    await deps.index.put(indexEntryOf(recorded)).catch(() => deps.log?.('index update after letter failed'));
  deps.log?.(`letter failed after ${attempts} attempts: ${code}`);
  return 'failed';
}
