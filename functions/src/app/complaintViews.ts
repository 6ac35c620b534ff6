import type {
  ComplaintListing,
  ComplaintSummary,
  ComplaintView,
} from '../../../domain/src/api/complaintView';
import { parsePending } from '../watch/deadlineNotices';
import type { IndexEntry } from './ports/complaintIndex';
import { allowedSteps } from '../../../domain/src/lifecycle';
import { nextSteps } from '../../../domain/src/nextSteps';
import type { LocalDate } from '../../../domain/src/localDate';
import { deadlineReport } from '../../../domain/src/pendingDeadlines';
import { AGREEMENT_LABELS } from '../../../domain/src/complaintState';
import { solutionOf } from '../../../domain/src/registerRecord';
import type { ComplaintDocument } from './complaintDocument';
import { can, type Principal } from '../common/principal';

/** The full representation for handlers and the director. */
/** The ETag the API shows for a complaint (see {@link ComplaintDocument.revision}). */
export const revisionTag = (doc: ComplaintDocument): string => `"r${doc.revision ?? 1}"`;

/** The full representation for handlers and the director; `today` (Amsterdam) decides pending vs overdue. */
export function toView(doc: ComplaintDocument, today: LocalDate): ComplaintView {
  const s = doc.state;
  return {
    id: doc.id,
    number: s.number,
    status: s.status,
    late: s.late,
    complainant: s.complainant,
    subject: s.subject,
    description: s.description,
    receivedAt: doc.message.receivedAt,
    receivedOn: s.receivedOn,
    handler: s.handler,
    category: doc.category,
    handlingTerm: s.term,
    deadlines: { ...s.deadlines },
    // The report lists every deadline the complaint had; the latest of each kind is the one that counts now.
    deadlineOutcomes: Object.fromEntries(
      deadlineReport(s, today).map((r) => [
        r.deadline,
        { outcome: r.outcome, ...(r.doneOn ? { doneOn: r.doneOn } : {}) },
      ]),
    ),
    register: {
      omschrijving: s.description,
      naamKlager: s.complainant.name,
      verantwoordelijke: s.handler.name,
      // The binding ruling replaces the proposal it overruled; inadmissibility says why nothing was proposed.
      oplossing: solutionOf(s),
      overeenstemming: s.agreement ? AGREEMENT_LABELS[s.agreement] : undefined,
      gewensteOplossing: s.remedy,
      gegrond: s.decision?.wellFounded,
    },
    timeline: s.timeline.map((t) => ({
      at: t.on,
      type: t.type,
      by: doc.actors[String(t.seq)] ?? '',
      ...(t.step ? { detail: { ...t.step } } : {}),
    })),
    attachments: s.attachments.map((a) => ({ name: a.name, size: a.size, contentType: a.contentType })),
    allowedSteps: allowedSteps(s, today),
    nextSteps: nextSteps(s, today),
    etag: revisionTag(doc),
    ...(doc.newMessage ? { newMessage: { ...doc.newMessage } } : {}),
  };
}

/**
 * What a caller may see: everyone with a role sees that the e-mail is registered and its number
 * ("alle medewerkers zijn verantwoordelijk voor het correct ontvangen"); only handlers and the director
 * see the content.
 */
export function toSummary(doc: ComplaintDocument, principal: Principal, today: LocalDate): ComplaintSummary {
  const base = { id: doc.id, number: doc.state.number, status: doc.state.status };
  return can(principal, 'read') ? { ...base, view: toView(doc, today) } : base;
}

/** The register row of an index entry: what the list shows without opening the complaint. */
export function toListing(entry: IndexEntry, today: LocalDate): ComplaintListing {
  const next = parsePending(entry.pending ?? '')
    .flatMap((p) => (p.deadline === 'retainUntil' ? [] : [{ key: p.deadline, due: p.due }]))
    .sort((a, b) => a.due.localeCompare(b.due))[0];
  return {
    complainantName: entry.complainantDisplayName ?? entry.complainantName,
    complainantAddress: entry.complainantAddress,
    handlerName: entry.handlerName ?? '',
    subject: entry.subject,
    receivedOn: entry.receivedOn,
    ...(next ? { nextDeadline: { key: next.key, date: next.due, overdue: next.due < today } } : {}),
  };
}

/** A register row: the summary with its listing for roles that may read, and the full view where it was read. */
export function toRegisterRow(
  entry: IndexEntry,
  doc: ComplaintDocument | undefined,
  principal: Principal,
  today: LocalDate,
): ComplaintSummary {
  const base = { id: entry.id, number: entry.number, status: entry.status };
  if (!can(principal, 'read')) return base;
  return { ...base, listing: toListing(entry, today), ...(doc ? { view: toView(doc, today) } : {}) };
}
