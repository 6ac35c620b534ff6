import { odata, RestError, type TableClient } from '@azure/data-tables';
import type { ComplaintIndex, IndexEntry } from '../app/complaintIndex';

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
  ...(typeof e['unsentLetters'] === 'number' ? { unsentLetters: e['unsentLetters'] } : {}),
  ...(e['anonymised'] === true ? { anonymised: true } : {}),
});

/** The index of DESIGN.md §3 in its own table: PartitionKey `open` | `closed`, RowKey = complaint id. */
export function createTableComplaintIndex(table: TableClient): ComplaintIndex {
  return {
    async put(entry) {
      const { id, status, ...rest } = entry;
      await table.upsertEntity({ partitionKey: status, rowKey: id, ...rest }, 'Replace');
      const other = status === 'open' ? 'closed' : 'open';
      try {
        await table.deleteEntity(other, id);
      } catch (error) {
        if (!(error instanceof RestError && error.statusCode === 404)) throw error;
      }
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

    async byComplainant(address, normalisedName) {
      const filter =
        normalisedName === ''
          ? odata`complainantAddress eq ${address}`
          : odata`complainantAddress eq ${address} or complainantName eq ${normalisedName}`;
      const out: IndexEntry[] = [];
      for await (const e of table.listEntities<Record<string, unknown>>({ queryOptions: { filter } }))
        out.push(fields(e));
      return out;
    },
  };
}
