import { odata, RestError, type TableClient } from '@azure/data-tables';
import { randomUUID } from 'node:crypto';
import { auditKey } from '../common/auditKey';
import type { WatchStore, YearlyNotes } from '../app/ports/watchStore';

const statusOf = (error: unknown): number | undefined =>
  error instanceof RestError ? error.statusCode : undefined;

/**
 * The `complaintwatch` table: PartitionKey `mark-<scope>` for once-only marks (RowKey = the key),
 * `count-<name>` for counters (RowKey `<day>-<random>`), `notes-yearly` for the director's notes (RowKey = year),
 * `audit-register` for the audit of register-wide reads (export, right of access).
 * Keys never contain complaint content: complaint ids, deadline names, dates.
 */
export function createTableWatchStore(table: TableClient): WatchStore {
  return {
    async claim(scope, key, at) {
      try {
        await table.createEntity({ partitionKey: `mark-${scope}`, rowKey: key, at: at.toISOString() });
        return true;
      } catch (error) {
        if (statusOf(error) === 409) return false;
        throw error;
      }
    },

    async release(scope, key) {
      try {
        await table.deleteEntity(`mark-${scope}`, key);
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
    },

    async addCount(name, day, n, at) {
      await table.createEntity({
        partitionKey: `count-${name}`,
        rowKey: `${day}-${randomUUID().slice(0, 8)}`,
        n,
        at: at.toISOString(),
      });
    },

    async sumCounts(name, from, to) {
      const partitionKey = `count-${name}`;
      // `<day>-…` sorts between `<from>` and `<to>.` (the dot sorts after the dash).
      const filter = odata`PartitionKey eq ${partitionKey} and RowKey ge ${from} and RowKey lt ${`${to}.`}`;
      let sum = 0;
      for await (const row of table.listEntities<{ n: number }>({ queryOptions: { filter } })) sum += row.n;
      return sum;
    },

    async audit(entry) {
      await table.createEntity({
        partitionKey: 'audit-register',
        rowKey: auditKey(new Date(entry.at)),
        data: JSON.stringify(entry),
      });
    },

    async getYearlyNotes(year) {
      try {
        const row = await table.getEntity<{ data: string }>('notes-yearly', String(year));
        return JSON.parse(row.data) as YearlyNotes;
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    },

    async saveYearlyNotes(year, notes) {
      await table.upsertEntity(
        { partitionKey: 'notes-yearly', rowKey: String(year), data: JSON.stringify(notes) },
        'Replace',
      );
    },
  };
}
