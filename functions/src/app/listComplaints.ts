import { toAmsterdamDate } from '../../../domain/src/localDate';
import { parseSearchQuery, type SearchQuery } from '../../../domain/src/searchText';
import { entriesOf, searchHits } from './searchRegister';
import type { WatchStore } from './ports/watchStore';
import { formatComplaintNumber } from '../../../domain/src/complaintNumber';
import type { VoidedNumberItem } from '../../../domain/src/api/complaintView';
import type { Clock } from './ports/clock';
import type { ComplaintIndex } from './ports/complaintIndex';
import type { ComplaintDocument } from './complaintDocument';
import type { IndexEntry, ListQuery } from './ports/complaintIndex';
import { AppError, validationError } from '../common/errors';
import { can, type Principal } from '../common/principal';
import type { ComplaintStore, Stored } from './ports/complaintStore';
import type { NumberLedger, VoidedNumber } from './ports/numberLedger';

export interface ListComplaintsDeps {
  complaints: ComplaintStore<ComplaintDocument>;
  index: ComplaintIndex;
  numbers: Pick<NumberLedger, 'listVoided'>;
  clock: Clock;
  /** Searches and the urgency order are audited once per page in the register's audit trail. */
  watch: WatchStore;
}

export interface ListRequest {
  status: string | null;
  handler: string | null;
  overdue: string | null;
  year: string | null;
  continuationToken: string | null;
  pageSize: string | null;
  /** Words, a name, an address or a complaint number (whole or in part). */
  q?: string | null;
  /** `urgency`: open complaints, the earliest next pending deadline first, over the whole register. */
  sort?: string | null;
}

/** A parsed register request: the plain listing, a search, or the open complaints by urgency. */
export type RegisterQuery =
  | { kind: 'list'; query: ListQuery }
  | { kind: 'search'; search: SearchQuery; query: ListQuery; offset: number }
  | { kind: 'urgency'; query: ListQuery };

/** One row of a register page: its index entry, and the complaint itself where the plain listing read it. */
export interface RegisterItem {
  entry: IndexEntry;
  doc?: ComplaintDocument;
}

/** The register request with `q` and `sort` on top of the filters of {@link parseListRequest}. */
export function parseRegisterRequest(q: ListRequest, principal: Principal, today: string): RegisterQuery {
  const errors: { field: string; message: string }[] = [];
  const urgency = q.sort === 'urgency';
  if (q.sort !== null && q.sort !== undefined && !urgency)
    errors.push({ field: 'sort', message: 'Alleen sort=urgency wordt ondersteund.' });
  let search: SearchQuery | undefined;
  if (q.q !== null && q.q !== undefined) {
    search = q.q.length <= 200 ? parseSearchQuery(q.q) : undefined;
    if (!search)
      errors.push({
        field: 'q',
        message:
          'Geef een klachtnummer, een naam, een e-mailadres of woorden uit het onderwerp (minstens 2 tekens).',
      });
    if (q.handler !== null || q.overdue !== null)
      errors.push({
        field: 'q',
        message: 'Zoeken gaat samen met status en jaar, niet met handler of overdue.',
      });
  }
  if (urgency && !search && q.status === 'closed')
    errors.push({ field: 'sort', message: 'Op urgentie staan alleen open klachten.' });
  if (search && q.continuationToken !== null && !/^\d{1,6}$/.test(q.continuationToken))
    errors.push({ field: 'continuationToken', message: 'Ongeldig vervolgtoken.' });
  if (errors.length > 0) throw validationError('De zoekopdracht is ongeldig.', errors);
  const query = parseListRequest(q, principal, today);
  if (search) return { kind: 'search', search, query, offset: Number(q.continuationToken ?? 0) };
  return urgency ? { kind: 'urgency', query } : { kind: 'list', query };
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

/**
 * One page of the register. The plain listing reads each complaint in full and audits it in its own trail; a
 * search and the urgency order answer from the index alone and write one audit row for the page in the
 * register's trail (who, when, which complaints were shown; never the query itself, which may be a name).
 */
export async function listComplaints(
  services: ListComplaintsDeps,
  principal: Principal,
  request: ListRequest,
): Promise<{ items: RegisterItem[]; voided?: VoidedNumber[]; continuationToken?: string }> {
  if (!can(principal, 'read'))
    throw new AppError('forbidden', 'forbidden', 'U mag het klachtenregister niet inzien.');
  const parsed = parseRegisterRequest(request, principal, toAmsterdamDate(services.clock.now()));
  if (parsed.kind === 'list') return plainPage(services, principal, parsed.query);
  await services.index.backfill();
  let page: { items: IndexEntry[]; continuationToken?: string };
  if (parsed.kind === 'urgency') {
    const { status: _open, ...open } = parsed.query;
    page = await services.index.listOpen(open);
  } else {
    const { status, year, pageSize } = parsed.query;
    const end = parsed.offset + pageSize;
    // One hit past the page says whether there is a next page.
    const { hits, read } = await searchHits(
      services.index,
      parsed.search,
      { ...(status ? { status } : {}), ...(year !== undefined ? { year } : {}) },
      end + 1,
    );
    const items = await entriesOf(services.index, parsed.search, hits.slice(parsed.offset, end), read);
    page = end < hits.length ? { items, continuationToken: String(end) } : { items };
  }
  if (page.items.length > 0)
    await services.watch.audit({
      at: services.clock.now().toISOString(),
      actorId: principal.id,
      actorName: principal.name,
      action: parsed.kind === 'search' ? 'registerSearched' : 'registerListedByUrgency',
      detail: page.items.map((e) => e.number).join(','),
    });
  return {
    items: page.items.map((entry) => ({ entry })),
    ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
  };
}

async function plainPage(
  services: ListComplaintsDeps,
  principal: Principal,
  query: ListQuery,
): Promise<{ items: RegisterItem[]; voided?: VoidedNumber[]; continuationToken?: string }> {
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
  const read = await Promise.all(page.items.map((e) => services.complaints.get(e.id)));
  const items = page.items.flatMap((entry, i): RegisterItem[] => {
    const stored: Stored<ComplaintDocument> | undefined = read[i];
    return stored ? [{ entry, doc: stored.doc }] : [];
  });
  const at = services.clock.now().toISOString();
  await Promise.all(
    items.map((s) =>
      services.complaints.audit(s.entry.id, [
        { at, actorId: principal.id, actorName: principal.name, action: 'listed' },
      ]),
    ),
  );
  return {
    items,
    ...(voided ? { voided } : {}),
    ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
  };
}
