import { odata, RestError, type TableClient } from '@azure/data-tables';
import type { NumberLedger, VoidedNumber } from '../app/ports/numberLedger';

const status = (error: unknown): number | undefined =>
  error instanceof RestError ? error.statusCode : undefined;

/**
 * Void numbers live on the number's own row in `complaintkeys` (PartitionKey `year-2026`, RowKey `000123`): the
 * row stays (so the number is never issued again and the sequence has no gap) and gains `voidedAt`/`voidReason`.
 */
export function createTableNumberLedger(keys: TableClient): NumberLedger {
  return {
    async voidNumber(entry, complaintId) {
      const partitionKey = `year-${entry.year}`;
      const rowKey = String(entry.sequence).padStart(6, '0');
      const row = await keys.getEntity<{ complaintId: string }>(partitionKey, rowKey);
      if (row.complaintId !== complaintId) return;
      await keys.updateEntity(
        { partitionKey, rowKey, voidedAt: entry.voidedAt, voidReason: entry.reason },
        'Merge',
        { etag: row.etag },
      );
    },
    async listVoided(year) {
      const out: VoidedNumber[] = [];
      const rows = keys.listEntities<{ voidedAt?: string; voidReason?: string }>({
        queryOptions: { filter: odata`PartitionKey eq ${`year-${year}`} and voidedAt ne ''` },
      });
      for await (const row of rows) {
        if (typeof row.voidedAt !== 'string') continue;
        out.push({
          year,
          sequence: Number(row.rowKey),
          reason: row.voidReason ?? '',
          voidedAt: row.voidedAt,
        });
      }
      return out.sort((a, b) => a.sequence - b.sequence);
    },
    async releaseClaim(messageKey, complaintId) {
      try {
        const claim = await keys.getEntity<{ complaintId: string }>('message', messageKey);
        if (claim.complaintId !== complaintId) return;
        await keys.deleteEntity('message', messageKey, { etag: claim.etag });
      } catch (error) {
        if (status(error) === 404 || status(error) === 412) return;
        throw error;
      }
    },
  };
}
