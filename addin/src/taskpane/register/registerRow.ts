import type { ComplaintSummary } from '../../../../domain/src/api/complaintView';
import { DEADLINE_LABELS, nextDeadline } from '../complaint/Deadlines';

/** What a register row shows, from the listing the search answers, or else from the full view. */
export interface RegisterRow {
  id: string;
  number: string;
  status: string;
  complainant?: string;
  handler?: string;
  subject?: string;
  next?: { date: string; label: string };
}

type PendingKey = 'acknowledgeBy' | 'resolveBy' | 'extensionNoticeBy' | 'escalationResponseBy';

export const STATUS_LABELS: Readonly<Record<string, string>> = { open: 'Open', closed: 'Afgesloten' };

function fromView(summary: ComplaintSummary): RegisterRow['next'] {
  const view = summary.view;
  if (!view || view.status !== 'open') return undefined;
  const waiting = (Object.keys(view.deadlineOutcomes) as PendingKey[])
    .filter((key) => ['pending', 'overdue'].includes(view.deadlineOutcomes[key]?.outcome ?? ''))
    .map((key) => ({ key, date: view.deadlines[key] }))
    .filter((e): e is { key: PendingKey; date: string } => typeof e.date === 'string')
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const first = waiting[0];
  if (first) return { date: first.date, label: DEADLINE_LABELS[first.key] };
  // A view without outcomes (an older server): the earliest procedural deadline.
  const date = Object.keys(view.deadlineOutcomes).length === 0 ? nextDeadline(view) : undefined;
  return date ? { date, label: 'Eerstvolgende termijn' } : undefined;
}

export function rowOf(summary: ComplaintSummary): RegisterRow {
  const base = { id: summary.id, number: summary.number, status: summary.status };
  const listing = summary.listing;
  if (listing) {
    const next = listing.nextDeadline;
    return {
      ...base,
      complainant: listing.complainantName,
      handler: listing.handlerName,
      subject: listing.subject,
      ...(next ? { next: { date: next.date, label: DEADLINE_LABELS[next.key] } } : {}),
    };
  }
  const view = summary.view;
  if (!view) return base;
  const next = fromView(summary);
  return {
    ...base,
    complainant: view.complainant.name,
    handler: view.handler.name,
    subject: view.subject,
    ...(next ? { next } : {}),
  };
}

/** Most urgent first (the earliest pending deadline), rows without one last, then by number. */
export function byUrgency(a: RegisterRow, b: RegisterRow): number {
  const da = a.next?.date ?? '9999-12-31';
  const db = b.next?.date ?? '9999-12-31';
  return da < db ? -1 : da > db ? 1 : a.number.localeCompare(b.number);
}
