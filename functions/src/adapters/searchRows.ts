import { odata, type TableEntity, type TransactionAction } from '@azure/data-tables';
import { storedSearchKeys } from '../../../domain/src/searchText';
import type { IndexEntry } from '../app/ports/complaintIndex';

/**
 * The register's search rows in table `complaintsearch` (docs/architecture.md, "Storage shape"): one row per search
 * key of a complaint, RowKey `<key>|<id>`, PartitionKey the key's first two characters. Storage answers a query
 * within one partition, and the emulator finds a row by scanning its partition, so one partition for every key
 * made each write and each read cost the whole register; by prefix, a query word (at least two characters) reads
 * the one small partition of the keys that start like it.
 */

/** The row properties a search hit is made of: enough to order and page the hits before any entry is read. */
export const searchRowProperties = ['RowKey', 'status', 'number', 'year', 'receivedOn'];

/** How many leading characters (code points, so a letter outside the BMP is never split) name a partition. */
const prefixLength = 2;

/** The partition of a key: its first two characters (`verwarming` → `ve`, `!12` → `!1`). */
export const searchPartitionOf = (key: string): string => [...key].slice(0, prefixLength).join('');

/** The mark that the rows of every entry written before this layout are there (older marks: older layouts). */
export const searchMark = { partitionKey: 'meta', rowKey: 'backfill-2' };

/** Where the previous layout kept every search row; the backfill removes what is left there. */
export const legacySearchPartition = 'search';

/** The row of one key of a complaint. */
export const searchRowOf = (entry: IndexEntry, key: string): TableEntity<Record<string, unknown>> => ({
  partitionKey: searchPartitionOf(key),
  rowKey: `${key}|${entry.id}`,
  status: entry.status,
  number: entry.number,
  year: entry.year,
  receivedOn: entry.receivedOn,
});

/** Every search row of a complaint, as the index writes them. */
export const searchRowsOf = (entry: IndexEntry): TableEntity<Record<string, unknown>>[] =>
  storedSearchKeys(entry).map((key) => searchRowOf(entry, key));

/** A transaction holds rows of one partition, at most 100: the actions grouped and cut to fit. */
export function transactionsOf(actions: readonly TransactionAction[]): TransactionAction[][] {
  const byPartition = new Map<string, TransactionAction[]>();
  for (const action of actions) {
    const pk = action[1].partitionKey;
    const list = byPartition.get(pk) ?? [];
    list.push(action);
    byPartition.set(pk, list);
  }
  const out: TransactionAction[][] = [];
  for (const list of byPartition.values())
    for (let i = 0; i < list.length; i += 100) out.push(list.slice(i, i + 100));
  return out;
}

/** The first string after every string that starts with `prefix` (same length: the last character plus one). */
const after = (prefix: string): string =>
  prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

/**
 * The filter of the rows whose key starts with `prefix` (`exact`: equals it). A prefix of two characters or more
 * names its partition; a shorter one (a single letter outside the BMP is two UTF-16 units, so the domain lets
 * it through) reads the partitions that start with it.
 */
export function searchFilter(prefix: string, exact: boolean): string {
  const low = exact ? `${prefix}|` : prefix;
  const high = exact ? `${prefix}}` : after(prefix);
  const partition = searchPartitionOf(prefix);
  const where =
    [...prefix].length >= prefixLength
      ? odata`PartitionKey eq ${partition}`
      : odata`PartitionKey ge ${partition} and PartitionKey lt ${after(partition)}`;
  return `${where} and ${odata`RowKey ge ${low} and RowKey lt ${high}`}`;
}
