import {
  odata,
  RestError,
  type TableClient,
  type TableEntity,
  type TransactionAction,
} from '@azure/data-tables';
import type { ComplaintIndex, IndexEntry, SearchHit } from '../app/ports/complaintIndex';
import { storedSearchKeys } from '../../../domain/src/searchText';
import { mapLimit } from '../common/boundedConcurrency';
import { conflictRetry, retry, tryAgain, type TryAgain } from '../common/retry';
import {
  legacySearchPartition,
  searchFilter,
  searchMark,
  searchRowOf,
  searchRowProperties,
  transactionsOf,
} from './searchRows';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Properties added after the first rows were written: present only when the row has them. */
const optionalText = (e: Record<string, unknown>, name: keyof IndexEntry): Partial<IndexEntry> =>
  typeof e[name] === 'string' ? { [name]: e[name] } : {};

const fields = (e: Record<string, unknown>): IndexEntry => ({
  id: String(e['rowKey']),
  number: String(e['number']),
  year: Number(e['year']),
  status: e['partitionKey'] === 'closed' ? 'closed' : 'open',
  handlerAddress: text(e['handlerAddress']),
  receivedOn: text(e['receivedOn']),
  nextDeadline: text(e['nextDeadline']),
  complainantAddress: text(e['complainantAddress']),
  complainantName: text(e['complainantName']),
  subject: text(e['subject']),
  decidedOn: text(e['decidedOn']),
  ...optionalText(e, 'pending'),
  ...optionalText(e, 'handlerName'),
  ...optionalText(e, 'closedOn'),
  ...optionalText(e, 'retainUntil'),
  ...optionalText(e, 'statistics'),
  ...(typeof e['unsentLetters'] === 'number' ? { unsentLetters: e['unsentLetters'] } : {}),
  ...(typeof e['unsentNotices'] === 'number' ? { unsentNotices: e['unsentNotices'] } : {}),
  ...(typeof e['failedLetters'] === 'number' ? { failedLetters: e['failedLetters'] } : {}),
  ...(e['anonymised'] === true ? { anonymised: true } : {}),
  ...(typeof e['version'] === 'number' ? { version: e['version'] } : {}),
  ...optionalText(e, 'complainantDisplayName'),
  ...optionalText(e, 'searchKeys'),
});

/** The open rows' partition; the search rows' layout is in ./searchRows. */
const openPartition = 'open';
/** After every date: a complaint with nothing pending is the least urgent. */
const nothingPending = '9999-12-31';

/** `<next deadline>|<id>`: the open rows' RowKey order is the register's urgency order. */
export const urgencyKey = (e: IndexEntry): string => `${e.nextDeadline || nothingPending}|${e.id}`;

/** The index row's properties, without its keys; the open rows carry the same minus the statistical record. */
const propertiesOf = (entry: IndexEntry): Record<string, unknown> => {
  const { id: _id, status: _status, ...rest } = entry;
  return rest;
};

/** The index row of an entry: PartitionKey its status, RowKey its id. */
export const indexRowOf = (entry: IndexEntry): TableEntity<Record<string, unknown>> => ({
  partitionKey: entry.status,
  rowKey: entry.id,
  ...propertiesOf(entry),
});

const statusOf = (error: unknown): number | undefined =>
  error instanceof RestError ? error.statusCode : undefined;

/** Where the open rows and the search rows live (docs/architecture.md, "Storage shape"). */
export interface DerivedTables {
  /** Open complaints only: PartitionKey `open`, RowKey {@link urgencyKey}. */
  open: TableClient;
  /** PartitionKey the key's first two characters, RowKey `<key>|<id>` (./searchRows); a mark row in `meta`. */
  search: TableClient;
}

/** A search row as a hit: the id is what follows the key's last `|`. */
function hitOf(e: Record<string, unknown>): SearchHit {
  const rowKey = String(e['rowKey']);
  return {
    id: rowKey.slice(rowKey.lastIndexOf('|') + 1),
    status: e['status'] === 'closed' ? 'closed' : 'open',
    number: text(e['number']),
    year: Number(e['year']),
    receivedOn: text(e['receivedOn']),
  };
}

/**
 * The index of docs/architecture.md in its own table: PartitionKey `open` | `closed`, RowKey = complaint id;
 * after each write of the row, its open row and search rows follow it.
 */
export function createTableComplaintIndex(
  table: TableClient,
  derived: DerivedTables,
  /** `searchPageSize`: rows per page of a words search's range reads (storage's own maximum, 1,000, if absent). */
  options: { searchPageSize?: number } = {},
): ComplaintIndex {
  const tolerate404 = (error: unknown): void => {
    if (statusOf(error) !== 404) throw error;
  };

  /**
   * Moves the open row and the search rows from what `previous` wrote to what `entry` needs. The open row's key
   * changes with the next deadline: the new one is written before the old one goes, so the sweep never misses
   * the complaint. Search rows change in one transaction per partition (a key's first two characters), the
   * partitions side by side. `only` writes one of the two.
   */
  async function syncDerived(
    previous: IndexEntry | undefined,
    entry: IndexEntry,
    only?: 'open' | 'search',
  ): Promise<void> {
    const newKey = entry.status === 'open' ? urgencyKey(entry) : undefined;
    const oldKey = previous?.status === 'open' ? urgencyKey(previous) : undefined;
    const openWrite = async (): Promise<void> => {
      if (newKey) {
        const { statistics: _statistics, ...rest } = propertiesOf(entry);
        const openRow = { partitionKey: openPartition, rowKey: newKey, complaintId: entry.id, ...rest };
        // As with the search rows below: a complaint the index has not seen yet has no open row, so an insert;
        // one that is there after all (409) is replaced.
        if (previous) await derived.open.upsertEntity(openRow, 'Replace');
        else
          await derived.open.createEntity(openRow).catch(async (error: unknown) => {
            if (statusOf(error) !== 409) throw error;
            await derived.open.upsertEntity(openRow, 'Replace');
          });
      }
      if (oldKey && oldKey !== newKey)
        await derived.open.deleteEntity(openPartition, oldKey).catch(tolerate404);
    };

    const fresh = storedSearchKeys(entry);
    const stale = previous ? storedSearchKeys(previous) : [];
    const statusChanged = previous?.status !== entry.status;
    const actions: TransactionAction[] = [
      ...fresh
        .filter((k) => statusChanged || !stale.includes(k))
        // Rows of a complaint the index has not seen yet are inserts: cheaper for the store than upserts (no look
        // for a row to replace). Should one exist after all (a writer of a newer version came first), the
        // transaction fails with 409 and its rows are written one by one.
        .map((k): TransactionAction =>
          previous ? ['upsert', searchRowOf(entry, k), 'Replace'] : ['create', searchRowOf(entry, k)],
        ),
      ...stale
        .filter((k) => !fresh.includes(k))
        .map((k): TransactionAction => {
          const { partitionKey, rowKey } = searchRowOf(entry, k);
          return ['delete', { partitionKey, rowKey }];
        }),
    ];
    const searchWrite = async (): Promise<void> => {
      await mapLimit(transactionsOf(actions), 16, submitSearchRows);
    };
    await Promise.all([
      only === 'search' ? undefined : openWrite(),
      only === 'open' ? undefined : searchWrite(),
    ]);
  }

  /** One action on its own: a plain request, and the same tolerance as the transaction's fallback below. */
  async function applySearchRow([kind, e]: TransactionAction): Promise<void> {
    if (kind === 'delete') await derived.search.deleteEntity(e.partitionKey, e.rowKey).catch(tolerate404);
    else if (kind === 'create')
      await derived.search.createEntity(e).catch(async (error: unknown) => {
        if (statusOf(error) !== 409) throw error;
        await derived.search.upsertEntity(e, 'Replace');
      });
    else await derived.search.upsertEntity(e, 'Replace');
  }

  async function submitSearchRows(chunk: TransactionAction[]): Promise<void> {
    // Most of a complaint's partitions get one row. A transaction of one buys no atomicity and costs a multipart
    // request and answer on both sides, so a lone row goes as a plain request.
    const [lone] = chunk;
    if (chunk.length === 1 && lone) return applySearchRow(lone);
    try {
      await derived.search.submitTransaction(chunk);
    } catch (error) {
      // A delete of a row that is not there, or an insert of one that is, fails the whole transaction: do the
      // chunk one by one instead.
      if (statusOf(error) !== 404 && statusOf(error) !== 409) throw error;
      await Promise.all(chunk.map(applySearchRow));
    }
  }

  let backfilled: Promise<void> | undefined;

  async function runBackfill(): Promise<void> {
    const mark = await derived.search
      .getEntity(searchMark.partitionKey, searchMark.rowKey)
      .catch((error: unknown) => {
        if (statusOf(error) === 404) return undefined;
        throw error;
      });
    if (mark) return;
    const entries: IndexEntry[] = [];
    for await (const e of table.listEntities<Record<string, unknown>>()) entries.push(fields(e));
    await mapLimit(entries, 16, (e) => syncDerived(undefined, e));
    // The previous layout's rows (one partition for every key) would keep erased names findable in storage.
    const legacy: TransactionAction[] = [];
    const filter = odata`PartitionKey eq ${legacySearchPartition}`;
    for await (const e of derived.search.listEntities({ queryOptions: { filter, select: ['RowKey'] } }))
      legacy.push(['delete', { partitionKey: legacySearchPartition, rowKey: String(e.rowKey) }]);
    await mapLimit(transactionsOf(legacy), 4, submitSearchRows);
    await derived.search.upsertEntity({ ...searchMark, rows: entries.length });
  }

  return {
    /**
     * Writes the entry unless the index already holds a newer version of the complaint (a writer that read
     * the complaint earlier may finish later). Every write is conditional on the ETag that was read, so two
     * writers racing never let the older one win; the row in the other partition is removed the same way.
     */
    async put(entry) {
      const { id, status } = entry;
      const mine = entry.version ?? 0;
      const other = status === 'open' ? 'closed' : 'open';
      const row = indexRowOf(entry);
      const read = (pk: string) =>
        table.getEntity<Record<string, unknown>>(pk, id).catch((error: unknown) => {
          if (statusOf(error) === 404) return undefined;
          throw error;
        });
      const versionOf = (e: Record<string, unknown> | undefined): number =>
        e && typeof e['version'] === 'number' ? e['version'] : -1;
      const tolerated = (error: unknown): boolean => [404, 409, 412].includes(statusOf(error) ?? 0);

      /**
       * The two partitions cannot be written in one transaction: after writing ours, look at the other one.
       * Whichever version is older gives way, so racing writers end with the newest row only. False when a
       * delete met a change (412/404): the caller looks again.
       */
      const settle = async (written: string | undefined): Promise<boolean> => {
        const now = await read(other);
        if (!now) return true;
        try {
          if (versionOf(now) < mine) await table.deleteEntity(other, id, { etag: now.etag });
          else await table.deleteEntity(status, id, written ? { etag: written } : {});
          return true;
        } catch (error) {
          if (tolerated(error)) return false;
          throw error;
        }
      };
      if (mine === 1) {
        // A complaint's first version: usually no row exists yet, and one insert (plus one read) does it. Its
        // search rows go beside the insert: a search hit is checked against the entry before it is shown (see
        // entriesOf), so rows written for an insert that then fails, or gives way to a newer version, find
        // nothing. The open row waits for the insert, because the sweep trusts open rows; it needs nothing from
        // the other partition, so it goes beside the look there.
        const search = syncDerived(undefined, entry, 'search');
        // Awaited below; until then a failure must not count as unhandled.
        search.catch(() => undefined);
        try {
          const written = (await table.createEntity(row)).etag;
          const [settled] = await Promise.all([
            settle(written),
            syncDerived(undefined, entry, 'open'),
            search,
          ]);
          if (settled) return;
        } catch (error) {
          if (statusOf(error) !== 409) throw error;
        }
      }
      const attempt = async (): Promise<void | TryAgain> => {
        const [same, elsewhere] = await Promise.all([read(status), read(other)]);
        if (Math.max(versionOf(same), versionOf(elsewhere)) > mine) return;
        const newest = versionOf(elsewhere) > versionOf(same) ? elsewhere : (same ?? elsewhere);
        const previous = newest ? fields(newest) : undefined;
        let written: string | undefined;
        try {
          written = same
            ? (await table.updateEntity(row, 'Replace', { etag: same.etag })).etag
            : (await table.createEntity(row)).etag;
        } catch (error) {
          if (tolerated(error)) return tryAgain;
          throw error;
        }
        if (!(await settle(written))) return tryAgain;
        await syncDerived(previous, entry);
      };
      // Still racing after the tries: the complaint's next change writes its row again.
      await retry(attempt, {
        ...conflictRetry,
        attempts: 10,
        exhausted: () => undefined,
      });
    },

    async listOpen(query) {
      const filters = [odata`PartitionKey eq ${openPartition}`];
      if (query.handlerAddress) filters.push(odata`handlerAddress eq ${query.handlerAddress.toLowerCase()}`);
      if (query.year !== undefined) filters.push(odata`year eq ${query.year}`);
      if (query.overdueBefore)
        filters.push(odata`nextDeadline ne '' and nextDeadline lt ${query.overdueBefore}`);
      const page = await derived.open
        .listEntities<Record<string, unknown>>({ queryOptions: { filter: filters.join(' and ') } })
        .byPage({
          maxPageSize: query.pageSize,
          ...(query.continuationToken ? { continuationToken: query.continuationToken } : {}),
        })
        .next();
      if (page.done) return { items: [] };
      // A write that failed halfway may have left an older open row of the same complaint: the newest wins.
      const byId = new Map<string, IndexEntry>();
      for (const e of page.value) {
        const item = { ...fields({ ...e, rowKey: e['complaintId'] }), status: 'open' as const };
        const seen = byId.get(item.id);
        if (!seen || (seen.version ?? 0) < (item.version ?? 0)) byId.set(item.id, item);
      }
      const items = [...byId.values()];
      return page.value.continuationToken
        ? { items, continuationToken: page.value.continuationToken }
        : { items };
    },

    async searchKey(prefix, exact) {
      const hits: SearchHit[] = [];
      const rows = derived.search.listEntities<Record<string, unknown>>({
        queryOptions: { filter: searchFilter(prefix, exact), select: searchRowProperties },
      });
      for await (const e of rows) hits.push(hitOf(e));
      return hits;
    },

    async searchKeyPage(prefix, continuationToken) {
      const page = await derived.search
        .listEntities<Record<string, unknown>>({
          queryOptions: { filter: searchFilter(prefix, false), select: searchRowProperties },
        })
        .byPage({
          ...(options.searchPageSize !== undefined ? { maxPageSize: options.searchPageSize } : {}),
          ...(continuationToken ? { continuationToken } : {}),
        })
        .next();
      if (page.done) return { hits: [] };
      const hits = page.value.map(hitOf);
      return page.value.continuationToken
        ? { hits, continuationToken: page.value.continuationToken }
        : { hits };
    },

    async entry(id, status) {
      const get = (pk: string) =>
        table.getEntity<Record<string, unknown>>(pk, id).then(fields, (error: unknown) => {
          if (statusOf(error) === 404) return undefined;
          throw error;
        });
      return (await get(status)) ?? (await get(status === 'open' ? 'closed' : 'open'));
    },

    backfill() {
      backfilled ??= runBackfill().catch((error: unknown) => {
        backfilled = undefined;
        throw error;
      });
      return backfilled;
    },

    async list(query) {
      const filters: string[] = [];
      if (query.status) filters.push(odata`PartitionKey eq ${query.status}`);
      if (query.handlerAddress) filters.push(odata`handlerAddress eq ${query.handlerAddress.toLowerCase()}`);
      if (query.year !== undefined) filters.push(odata`year eq ${query.year}`);
      if (query.overdueBefore)
        filters.push(odata`nextDeadline ne '' and nextDeadline lt ${query.overdueBefore}`);
      if (query.retainBefore) filters.push(odata`retainUntil ne '' and retainUntil lt ${query.retainBefore}`);
      const pages = table
        .listEntities<Record<string, unknown>>({
          queryOptions: filters.length > 0 ? { filter: filters.join(' and ') } : {},
        })
        .byPage({
          maxPageSize: query.pageSize,
          ...(query.continuationToken ? { continuationToken: query.continuationToken } : {}),
        });
      const page = await pages.next();
      if (page.done) return { items: [] };
      const items = page.value.map(fields);
      return page.value.continuationToken
        ? { items, continuationToken: page.value.continuationToken }
        : { items };
    },

    async withUnsentLetters() {
      // Two filters, not one `or`: rows written before `unsentNotices` existed lack it, and a comparison
      // with a missing property must not decide whether the row's letters count.
      const work = new Map<string, { unsentNotices: number; failedLetters: number }>();
      const select = ['RowKey', 'unsentNotices', 'failedLetters'];
      const count = (row: Record<string, unknown>, name: string): number =>
        typeof row[name] === 'number' ? row[name] : 0;
      for (const filter of ['unsentLetters gt 0', 'unsentNotices gt 0']) {
        for await (const row of table.listEntities({ queryOptions: { filter, select } })) {
          if (!row.rowKey) continue;
          const seen = work.get(row.rowKey);
          // A row left in the other partition by a write that failed halfway: the higher count is looked into.
          work.set(row.rowKey, {
            unsentNotices: Math.max(seen?.unsentNotices ?? 0, count(row, 'unsentNotices')),
            failedLetters: Math.max(seen?.failedLetters ?? 0, count(row, 'failedLetters')),
          });
        }
      }
      return [...work].map(([id, counts]) => ({ id, ...counts }));
    },

    async byComplainant(address, normalisedName) {
      const clauses = [
        ...(address ? [odata`complainantAddress eq ${address}`] : []),
        ...(normalisedName ? [odata`complainantName eq ${normalisedName}`] : []),
      ];
      if (clauses.length === 0) return [];
      const filter = clauses.join(' or ');
      const out: IndexEntry[] = [];
      for await (const e of table.listEntities<Record<string, unknown>>({ queryOptions: { filter } }))
        out.push(fields(e));
      return out;
    },
  };
}
