import { toAmsterdamDate } from '../../../domain/src/localDate';
import { formatComplaintNumber } from '../../../domain/src/complaintNumber';
import type { VoidedNumberItem } from '../../../domain/src/api/complaintView';
import type { Clock } from './ports/clock';
import type { ComplaintIndex } from './ports/complaintIndex';
import type { ComplaintDocument } from './complaintDocument';
import type { IndexEntry, ListQuery } from './ports/complaintIndex';
import { AppError, validationError } from '../shared/errors';
import { can, type Principal } from '../shared/principal';
import type { ComplaintStore, Stored } from './ports/complaintStore';
import type { NumberLedger, VoidedNumber } from './ports/numberLedger';

export interface ListComplaintsDeps {
  complaints: ComplaintStore<ComplaintDocument>;
  index: ComplaintIndex;
  numbers: Pick<NumberLedger, 'listVoided'>;
  clock: Clock;
}

export interface ListRequest {
  status: string | null;
  handler: string | null;
  overdue: string | null;
  year: string | null;
  continuationToken: string | null;
  pageSize: string | null;
}

/** Parses the register's filters; anything unknown is refused rather than silently ignored. */
export function parseListRequest(q: ListRequest, principal: Principal, today: string): ListQuery {
  const errors: { field: string; message: string }[] = [];
  const query: ListQuery = { pageSize: 50 };
  if (q.status !== null) {
    if (q.status === 'open' || q.status === 'closed') query.status = q.status;
    else errors.push({ field: 'status', message: 'Kies open of closed.' });
  }
  if (q.handler !== null) {
    if (q.handler === 'me') query.handlerAddress = principal.address;
    else errors.push({ field: 'handler', message: 'Alleen handler=me wordt ondersteund.' });
  }
  if (q.overdue !== null) {
    if (q.overdue === 'true') query.overdueBefore = today;
    else if (q.overdue !== 'false') errors.push({ field: 'overdue', message: 'Kies true of false.' });
  }
  if (q.year !== null) {
    const year = Number(q.year);
    if (/^\d{4}$/.test(q.year) && year >= 2000 && year <= 2199) query.year = year;
    else errors.push({ field: 'year', message: 'Geef een jaartal, bijvoorbeeld 2026.' });
  }
  if (q.pageSize !== null) {
    const size = Number(q.pageSize);
    if (Number.isInteger(size) && size >= 1 && size <= 200) query.pageSize = size;
    else errors.push({ field: 'pageSize', message: 'Een getal van 1 tot en met 200.' });
  }
  if (q.continuationToken !== null) {
    if (/^[A-Za-z0-9+/=_-]{1,2000}$/.test(q.continuationToken)) query.continuationToken = q.continuationToken;
    else errors.push({ field: 'continuationToken', message: 'Ongeldig vervolgtoken.' });
  }
  if (errors.length > 0) throw validationError('De zoekopdracht is ongeldig.', errors);
  return query;
}

/** A void number as the listing answers it. */
export const voidedItem = (v: VoidedNumber): VoidedNumberItem => ({
  number: formatComplaintNumber(v.year, v.sequence),
  status: 'vervallen',
  reason: v.reason,
  voidedAt: v.voidedAt,
});

/** One page of the register, from the index; each item is read in full for the summary and audited. */
export async function listComplaints(
  services: ListComplaintsDeps,
  principal: Principal,
  request: ListRequest,
): Promise<{
  items: Stored<ComplaintDocument>[];
  entries: IndexEntry[];
  /** The year's void numbers: on the first page of an unfiltered listing of one year only. */
  voided?: VoidedNumber[];
  continuationToken?: string;
}> {
  if (!can(principal, 'read'))
    throw new AppError('forbidden', 'forbidden', 'U mag het klachtenregister niet inzien.');
  const query = parseListRequest(request, principal, toAmsterdamDate(services.clock.now()));
  // Void numbers belong to no status, handler or deadline: only the year's whole register shows them.
  const wholeYear =
    query.year !== undefined &&
    query.status === undefined &&
    query.handlerAddress === undefined &&
    query.overdueBefore === undefined &&
    query.continuationToken === undefined;
  const [page, voided] = await Promise.all([
    services.index.list(query),
    wholeYear && query.year !== undefined ? services.numbers.listVoided(query.year) : undefined,
  ]);
  const items = (await Promise.all(page.items.map((e) => services.complaints.get(e.id)))).filter(
    (s): s is Stored<ComplaintDocument> => s !== undefined,
  );
  const at = services.clock.now().toISOString();
  await Promise.all(
    items.map((s) =>
      services.complaints.audit(s.doc.id, [
        { at, actorId: principal.id, actorName: principal.name, action: 'listed' },
      ]),
    ),
  );
  return {
    items,
    entries: page.items,
    ...(voided ? { voided } : {}),
    ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
  };
}
