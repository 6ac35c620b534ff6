import {
  odata,
  RestError,
  type TableClient,
  type TableEntity,
  type TransactionAction,
} from '@azure/data-tables';
import { AppError, staleComplaintError } from '../common/errors';
import type {
  AuditEntry,
  ClaimResult,
  ComplaintStore,
  OutboxRecord,
  SideRow,
  Stored,
} from '../app/ports/complaintStore';
import { parseOutboxData } from '../app/ports/outboxEntry';
import { auditKey } from '../common/auditKey';
import { retry, type RetryPolicy } from '../common/retry';
import { createKeyedQueue } from './keyedQueue';

/**
 * Table Storage shape (docs/architecture.md):
 * - `complaints`: PartitionKey = complaint id. RowKey `complaint` holds the document (JSON, split over
 *   properties because one property holds at most 64 KiB); `audit-…` and `outbox-…` rows share the partition,
 *   so a change and its audit/outbox rows are one `submitTransaction`. Outbox rows also carry their delivery
 *   `status` as a property: the letter sender lists pending rows across complaints with a filtered scan.
 * - `complaintkeys`: PartitionKey `message`, RowKey = SHA-256 of the internetMessageId → the complaint it
 *   belongs to (a second insert fails with 409: that is the idempotency); PartitionKey `year-2026` holds the
 *   year's counter and one row per issued number, written in one transaction, so numbers have no gaps.
 */
const chunkChars = 30_000;
/** Conflicts with other instances before giving up with a 503 (about 3 s of jittered waiting at most). */
const numberingRetry: RetryPolicy = { attempts: 20, baseDelayMs: 10, maxDelayMs: 250 };
const complaintRow = 'complaint';

function status(error: unknown): number | undefined {
  return error instanceof RestError ? error.statusCode : undefined;
}

/** A transaction that fails on its first action reports that action's status on the RestError. */
function isConflict(error: unknown): boolean {
  return status(error) === 409 || (error instanceof RestError && /EntityAlreadyExists/.test(error.message));
}

function toChunks(json: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i * chunkChars < json.length; i++)
    out[`d${i}`] = json.slice(i * chunkChars, (i + 1) * chunkChars);
  return out;
}

function fromChunks(entity: Record<string, unknown>): string {
  let json = '';
  for (let i = 0; typeof entity[`d${i}`] === 'string'; i++) json += entity[`d${i}`] as string;
  return json;
}

/** Outbox rows also carry their delivery `status` as a property, so the sender's query can filter on it. */
function sideRowEntity(partitionKey: string, row: SideRow): TableEntity {
  const status = row.kind === 'outbox' ? { status: row.data.status } : {};
  return { partitionKey, rowKey: `${row.kind}-${row.key}`, data: JSON.stringify(row.data), ...status };
}

function isPreconditionFailed(error: unknown): boolean {
  return (
    status(error) === 412 || (error instanceof RestError && /UpdateConditionNotSatisfied/.test(error.message))
  );
}

export function createTableComplaintStore<T extends { id: string; version?: number }>(
  complaints: TableClient,
  keys: TableClient,
): ComplaintStore<T> {
  const numbering = createKeyedQueue();
  /**
   * Each year's counter as this instance last wrote it. Allocations of one instance pass {@link numbering} one at a
   * time, so the counter this instance wrote is usually still the current one: its ETag is enough for the next
   * transaction, which then needs no read first. Another instance that moved the counter makes the ETag stale;
   * the transaction fails (412) and the retry reads the counter as before, so the ETag still decides every number.
   */
  const counters = new Map<string, { last: number; etag: string }>();
  const documentEntity = (doc: T): TableEntity => ({
    partitionKey: doc.id,
    rowKey: complaintRow,
    ...toChunks(JSON.stringify(doc)),
  });

  /**
   * Within this instance, {@link numbering} serialises allocations per year; across instances the counter's ETag
   * decides, and a loser retries a bounded number of times with full jitter (exponential, capped), never forever.
   */
  async function allocate(year: number, complaintId: string, fresh: boolean): Promise<number> {
    const partitionKey = `year-${year}`;
    const tryOnce = async (attempt: number): Promise<number> => {
      // A retry of the same complaint (after a crash between numbering and writing) keeps its number. A freshly
      // claimed id has none on its first attempt; after a lost race it may (the transaction's answer can be lost).
      const issued = keys.listEntities<{ complaintId: string }>({
        queryOptions: { filter: odata`PartitionKey eq ${partitionKey} and complaintId eq ${complaintId}` },
      });
      if (!fresh || attempt > 0) for await (const row of issued) return Number(row.rowKey);

      let last = 0;
      let etag: string | undefined;
      const known = attempt === 0 ? counters.get(partitionKey) : undefined;
      counters.delete(partitionKey);
      if (known) ({ last, etag } = known);
      else {
        try {
          const counter = await keys.getEntity<{ last: number }>(partitionKey, 'counter');
          last = counter.last;
          etag = counter.etag;
        } catch (error) {
          if (status(error) !== 404) throw error;
        }
      }
      const next = last + 1;
      const counterAction: TransactionAction = etag
        ? ['update', { partitionKey, rowKey: 'counter', last: next }, 'Replace', { etag }]
        : ['create', { partitionKey, rowKey: 'counter', last: next }];
      const result = await keys.submitTransaction([
        counterAction,
        ['create', { partitionKey, rowKey: String(next).padStart(6, '0'), complaintId }],
      ]);
      const written = result.subResponses[0]?.etag;
      if (written) counters.set(partitionKey, { last: next, etag: written });
      return next;
    };
    return retry(tryOnce, {
      ...numberingRetry,
      // Someone else took this number first: read the counter again.
      retryOn: (error) => isConflict(error) || status(error) === 412,
      exhausted: () => {
        throw new AppError(
          'unavailable',
          'numbering-busy',
          'Het register is op dit moment erg druk. Probeer het opnieuw.',
        );
      },
    });
  }

  return {
    async claimMessage(messageKey, complaintId, now): Promise<ClaimResult> {
      try {
        await keys.createEntity({
          partitionKey: 'message',
          rowKey: messageKey,
          complaintId,
          claimedAt: now.toISOString(),
        });
        return { claimed: true };
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
      const existing = await keys.getEntity<{ complaintId: string; claimedAt: string }>(
        'message',
        messageKey,
      );
      return {
        claimed: false,
        complaintId: existing.complaintId,
        claimedAt: new Date(existing.claimedAt),
        etag: existing.etag,
      };
    },

    async lookupMessage(messageKey) {
      try {
        return (await keys.getEntity<{ complaintId: string }>('message', messageKey)).complaintId;
      } catch (error) {
        if (status(error) === 404) return undefined;
        throw error;
      }
    },

    async renewClaim(messageKey, etag, now) {
      try {
        await keys.updateEntity(
          { partitionKey: 'message', rowKey: messageKey, claimedAt: now.toISOString() },
          'Merge',
          { etag },
        );
        return true;
      } catch (error) {
        if (status(error) === 412) return false;
        throw error;
      }
    },

    allocateNumber(year, complaintId, options) {
      return numbering(`year-${year}`, () => allocate(year, complaintId, options?.fresh === true));
    },

    async create(doc, rows) {
      try {
        const result = await complaints.submitTransaction([
          ['create', documentEntity({ ...doc, version: 1 })],
          ...rows.map((r): TransactionAction => ['create', sideRowEntity(doc.id, r)]),
        ]);
        doc.version = 1;
        // The batch answers each insert with its ETag: no read after the write.
        const etags = result.subResponses.map((r) => r.etag);
        const etag = etags[0] ?? (await complaints.getEntity(doc.id, complaintRow)).etag;
        return { outcome: 'created', etag, rowEtags: etags.slice(1).map((e) => e ?? '') };
      } catch (error) {
        if (isConflict(error)) return { outcome: 'exists' };
        throw error;
      }
    },

    async get(id): Promise<Stored<T> | undefined> {
      try {
        const entity = await complaints.getEntity<Record<string, unknown>>(id, complaintRow);
        return { doc: JSON.parse(fromChunks(entity)) as T, etag: entity.etag };
      } catch (error) {
        if (status(error) === 404) return undefined;
        throw error;
      }
    },

    async update(doc, etag, rows) {
      const version = (doc.version ?? 1) + 1;
      try {
        const result = await complaints.submitTransaction([
          ['update', documentEntity({ ...doc, version }), 'Replace', { etag }],
          ...rows.map((r): TransactionAction => ['create', sideRowEntity(doc.id, r)]),
        ]);
        doc.version = version;
        const first = result.subResponses[0];
        if (first?.etag) return first.etag;
        return (await complaints.getEntity(doc.id, complaintRow)).etag;
      } catch (error) {
        if (isPreconditionFailed(error)) throw staleComplaintError();
        throw error;
      }
    },

    async audit(id, entries) {
      if (entries.length === 0) return;
      await complaints.submitTransaction(
        entries.map((data): TransactionAction => [
          'create',
          sideRowEntity(id, { kind: 'audit', key: auditKey(new Date(data.at)), data }),
        ]),
      );
    },

    async listAudit(id) {
      const out: AuditEntry[] = [];
      const rows = complaints.listEntities<{ data: string }>({
        queryOptions: { filter: odata`PartitionKey eq ${id} and RowKey ge 'audit-' and RowKey lt 'audit.'` },
      });
      for await (const row of rows) out.push(JSON.parse(row.data) as AuditEntry);
      return out;
    },

    async listOutbox(query) {
      let filter: string;
      if ('complaintId' in query) {
        filter = odata`PartitionKey eq ${query.complaintId} and RowKey ge 'outbox-' and RowKey lt 'outbox.'`;
      } else {
        if (query.statuses.length === 0) return [];
        const statuses = query.statuses.map((s) => odata`status eq ${s}`).join(' or ');
        filter = `RowKey ge 'outbox-' and RowKey lt 'outbox.' and (${statuses})`;
      }
      const out: OutboxRecord[] = [];
      const rows = complaints.listEntities<{ data: string }>({ queryOptions: { filter } });
      for await (const row of rows) {
        // Parsed once, here: a row written by a newer version that this one does not understand is left alone.
        const data = parseOutboxData(JSON.parse(row.data));
        if (!data) continue;
        out.push({
          complaintId: row.partitionKey ?? '',
          key: (row.rowKey ?? '').slice('outbox-'.length),
          etag: row.etag,
          data,
        });
      }
      return out;
    },

    async saveOutbox(record, etag) {
      const entity = sideRowEntity(record.complaintId, {
        kind: 'outbox',
        key: record.key,
        data: record.data,
      });
      try {
        return (await complaints.updateEntity(entity, 'Replace', { etag })).etag ?? '';
      } catch (error) {
        if (isPreconditionFailed(error)) throw staleComplaintError();
        throw error;
      }
    },
  };
}
