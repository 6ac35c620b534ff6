import { odata, RestError, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { AnonymisedComplaint } from '../../../domain/src/anonymise';
import { auditKey } from '../common/auditKey';
import type { ComplaintArchive } from '../app/ports/complaintArchive';

const anonymisedRow = 'anonymised';

function isPreconditionFailed(error: unknown): boolean {
  return (
    error instanceof RestError &&
    (error.statusCode === 412 ||
      error.statusCode === 404 ||
      /UpdateConditionNotSatisfied/.test(error.message))
  );
}

/**
 * R3 in the `complaints` table (see tableComplaintStore): one transaction (guarded by the document's ETag)
 * deletes every `outbox-…` row (the letters carry names, addresses and texts), writes the statistical
 * record as the `anonymised` row and appends the audit row; then the `complaint` row is deleted. The audit trail
 * stays: it holds no content.
 */
export function createTableComplaintArchive(complaints: TableClient): ComplaintArchive {
  return {
    async anonymise(id, etag, record, audit) {
      const outbox: string[] = [];
      const filter = odata`PartitionKey eq ${id} and RowKey ge 'outbox-' and RowKey lt 'outbox.'`;
      for await (const row of complaints.listEntities({ queryOptions: { filter, select: ['RowKey'] } }))
        outbox.push(row.rowKey ?? '');
      // A transaction cannot guard a delete with an ETag, so the guard is a Merge on the document row in the
      // same transaction; the row itself goes right after. A crash in between leaves a complaint that the next
      // run anonymises again (same record), never a half-erased one.
      const actions: TransactionAction[] = [
        ['update', { partitionKey: id, rowKey: 'complaint', erasing: true }, 'Merge', { etag }],
        ...outbox.map((rowKey): TransactionAction => ['delete', { partitionKey: id, rowKey }]),
        ['upsert', { partitionKey: id, rowKey: anonymisedRow, data: JSON.stringify(record) }, 'Replace'],
        [
          'create',
          { partitionKey: id, rowKey: `audit-${auditKey(new Date(audit.at))}`, data: JSON.stringify(audit) },
        ],
      ];
      try {
        await complaints.submitTransaction(actions);
        await complaints.deleteEntity(id, 'complaint');
        return true;
      } catch (error) {
        if (isPreconditionFailed(error)) return false;
        throw error;
      }
    },

    async getRecord(id) {
      try {
        const row = await complaints.getEntity<{ data: string }>(id, anonymisedRow);
        return JSON.parse(row.data) as AnonymisedComplaint;
      } catch (error) {
        if (error instanceof RestError && error.statusCode === 404) return undefined;
        throw error;
      }
    },
  };
}
