import { odata, RestError, type TableClient } from '@azure/data-tables';
import type { ComplaintIndex, IndexEntry } from '../app/ports/complaintIndex';
import { conflictRetry, retry, tryAgain, type TryAgain } from '../shared/retry';

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
  ...(e['anonymised'] === true ? { anonymised: true } : {}),
  ...(typeof e['version'] === 'number' ? { version: e['version'] } : {}),
});

const statusOf = (error: unknown): number | undefined =>
  error instanceof RestError ? error.statusCode : undefined;

/** The index of docs/architecture.md in its own table: PartitionKey `open` | `closed`, RowKey = complaint id. */
export function createTableComplaintIndex(table: TableClient): ComplaintIndex {
  return {
    /**
     * Writes the entry unless the index already holds a newer version of the complaint (a writer that read
     * the complaint earlier may finish later). Every write is conditional on the ETag that was read, so two
     * writers racing never let the older one win; the row in the other partition is removed the same way.
     */
    async put(entry) {
      const { id, status, ...rest } = entry;
      const mine = entry.version ?? 0;
      const other = status === 'open' ? 'closed' : 'open';
      const row = { partitionKey: status, rowKey: id, ...rest };
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
        // A complaint's first version: usually no row exists yet, and one insert (plus one read) does it.
        try {
          if (await settle((await table.createEntity(row)).etag)) return;
        } catch (error) {
          if (statusOf(error) !== 409) throw error;
        }
      }
      const attempt = async (): Promise<void | TryAgain> => {
        const [same, elsewhere] = await Promise.all([read(status), read(other)]);
        if (Math.max(versionOf(same), versionOf(elsewhere)) > mine) return;
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
      };
      // Still racing after the tries: the complaint's next change writes its row again.
      await retry(attempt, {
        ...conflictRetry,
        attempts: 10,
        exhausted: () => undefined,
      });
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
      const ids: string[] = [];
      const rows = table.listEntities({ queryOptions: { filter: 'unsentLetters gt 0', select: ['RowKey'] } });
      for await (const row of rows) ids.push(row.rowKey ?? '');
      return ids.filter(Boolean);
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
