import { odata, RestError, type TableClient } from '@azure/data-tables';
import type { SettingsStore, SettingsVersion } from '../app/ports/settingsStore';

const PARTITION = 'settings';
const CURRENT = 'current';
const versionKey = (n: number): string => `v-${String(n).padStart(10, '0')}`;

interface Row {
  version: number;
  data: string;
  savedAt: string;
  savedBy: string;
}

const fromRow = (row: Row): SettingsVersion => ({
  version: row.version,
  settings: JSON.parse(row.data) as SettingsVersion['settings'],
  savedAt: row.savedAt,
  savedBy: row.savedBy,
});

/**
 * The settings in the `complaintwatch` table, partition `settings`: RowKey `current` holds the newest version,
 * `v-0000000001`, … every version ever saved. One partition, so a save writes both rows in one transaction,
 * and the `current` row's ETag makes two Directeuren saving at once end with one 'stale'.
 */
export function createTableSettingsStore(table: TableClient): SettingsStore {
  async function read(): Promise<{ row: Row; etag: string } | undefined> {
    try {
      const row = await table.getEntity<Row>(PARTITION, CURRENT);
      return { row, etag: row.etag };
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return undefined;
      throw error;
    }
  }
  return {
    async current() {
      const found = await read();
      return found ? fromRow(found.row) : undefined;
    },

    async save(next, expected) {
      const found = await read();
      if ((found?.row.version ?? 0) !== expected) return 'stale';
      const row: Row = {
        version: next.version,
        data: JSON.stringify(next.settings),
        savedAt: next.savedAt,
        savedBy: next.savedBy,
      };
      const current = { partitionKey: PARTITION, rowKey: CURRENT, ...row };
      try {
        await table.submitTransaction([
          found ? ['update', current, 'Replace', { etag: found.etag }] : ['create', current],
          ['create', { partitionKey: PARTITION, rowKey: versionKey(next.version), ...row }],
        ]);
        return 'saved';
      } catch (error) {
        if (error instanceof RestError && (error.statusCode === 409 || error.statusCode === 412))
          return 'stale';
        throw error;
      }
    },

    async history() {
      const out: SettingsVersion[] = [];
      const filter = odata`PartitionKey eq ${PARTITION} and RowKey ge ${'v-'} and RowKey lt ${'v.'}`;
      for await (const row of table.listEntities<Row>({ queryOptions: { filter } })) out.push(fromRow(row));
      return out.reverse();
    },
  };
}
