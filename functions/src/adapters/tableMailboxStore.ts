import { createHash } from 'node:crypto';
import { odata, RestError, type TableClient } from '@azure/data-tables';
import type { MailboxStore, MessageLink, SubscriptionInfo, UnreviewedMail } from '../app/ports/mailboxPorts';

/**
 * Mailbox capture's table (`complaintmailbox`):
 * - `state`/`subscription` and `state`/`delta`: the Graph subscription and the Inbox's delta link;
 * - `link`/<sha256 of internetMessageId>: which complaint an e-mail was linked to or captured for;
 * - `conversation`/<sha256 of conversationId>: the complaint a conversation belongs to;
 * - `unreviewed`/<sha256 of internetMessageId>: e-mails nobody has decided about yet (and dismissed ones).
 * The complaint's own conversation rows live in its partition of `complaints` (`message-0002`…), so that an
 * e-mail and its timeline entry are one transaction; the year's numbers are read from `complaintkeys`.
 */
const hash = (value: string): string => createHash('sha256').update(value.trim()).digest('hex');

const status = (error: unknown): number | undefined =>
  error instanceof RestError ? error.statusCode : undefined;

async function getOrUndefined<T extends object>(
  table: TableClient,
  pk: string,
  rk: string,
): Promise<(T & { etag: string }) | undefined> {
  try {
    return await table.getEntity<T>(pk, rk);
  } catch (error) {
    if (status(error) === 404) return undefined;
    throw error;
  }
}

export function createTableMailboxStore(
  mailbox: TableClient,
  complaints: TableClient,
  keys: TableClient,
): MailboxStore {
  const upsert = (pk: string, rk: string, data: unknown) =>
    mailbox.upsertEntity({ partitionKey: pk, rowKey: rk, data: JSON.stringify(data) }, 'Replace');
  const read = async <T>(pk: string, rk: string): Promise<T | undefined> => {
    const row = await getOrUndefined<{ data: string }>(mailbox, pk, rk);
    return row ? (JSON.parse(row.data) as T) : undefined;
  };

  return {
    getSubscription: () => read<SubscriptionInfo>('state', 'subscription'),
    async saveSubscription(info) {
      if (info) await upsert('state', 'subscription', info);
      else await mailbox.deleteEntity('state', 'subscription').catch(() => undefined);
    },
    async getDeltaLink() {
      return (await read<{ link: string }>('state', 'delta'))?.link;
    },
    async saveDeltaLink(link) {
      await upsert('state', 'delta', { link });
    },
    linkOf: (internetMessageId) => read<MessageLink>('link', hash(internetMessageId)),
    async putLink(internetMessageId, link) {
      await upsert('link', hash(internetMessageId), link);
    },
    async conversationOwner(conversationId) {
      return (await read<{ complaintId: string }>('conversation', hash(conversationId)))?.complaintId;
    },
    async putConversation(conversationId, complaintId) {
      // The first complaint of a conversation keeps it: a later complaint in the same thread does not take it over.
      try {
        await mailbox.createEntity({
          partitionKey: 'conversation',
          rowKey: hash(conversationId),
          data: JSON.stringify({ complaintId }),
        });
      } catch (error) {
        if (status(error) !== 409) throw error;
      }
    },
    async complaintByNumber(year, sequence) {
      const row = await getOrUndefined<{ complaintId: string }>(
        keys,
        `year-${year}`,
        String(sequence).padStart(6, '0'),
      );
      return row?.complaintId;
    },
    async addUnreviewed(mail) {
      try {
        await mailbox.createEntity({
          partitionKey: 'unreviewed',
          rowKey: mail.key,
          data: JSON.stringify(mail),
        });
      } catch (error) {
        if (status(error) !== 409) throw error;
      }
    },
    getUnreviewed: (key) =>
      /^[0-9a-f]{64}$/.test(key) ? read<UnreviewedMail>('unreviewed', key) : Promise.resolve(undefined),
    async listUnreviewed() {
      const out: UnreviewedMail[] = [];
      const rows = mailbox.listEntities<{ data: string }>({
        queryOptions: { filter: odata`PartitionKey eq ${'unreviewed'}` },
      });
      for await (const row of rows) {
        const mail = JSON.parse(row.data) as UnreviewedMail;
        if (!mail.dismissed) out.push(mail);
      }
      return out.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
    },
    async saveUnreviewed(mail) {
      try {
        await mailbox.updateEntity(
          { partitionKey: 'unreviewed', rowKey: mail.key, data: JSON.stringify(mail) },
          'Replace',
        );
        return true;
      } catch (error) {
        if (status(error) === 404) return false;
        throw error;
      }
    },
    async removeUnreviewed(internetMessageId) {
      try {
        await mailbox.deleteEntity('unreviewed', hash(internetMessageId));
      } catch (error) {
        if (status(error) !== 404) throw error;
      }
    },
    async listMessages(complaintId) {
      const out: Record<string, unknown>[] = [];
      const rows = complaints.listEntities<{ data: string }>({
        queryOptions: {
          filter: odata`PartitionKey eq ${complaintId} and RowKey ge 'message-' and RowKey lt 'message.'`,
        },
      });
      for await (const row of rows) out.push(JSON.parse(row.data) as Record<string, unknown>);
      return out;
    },
  };
}
