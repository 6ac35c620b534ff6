import { TableClient, TableServiceClient } from '@azure/data-tables';
import type { ContainerClient } from '@azure/storage-blob';
import type { Config } from './config';
import { sharedCredential } from './sharedCredential';

/** The tables and the container the app keeps; created on first start when missing. */
export const tableNames = {
  complaints: 'complaints',
  keys: 'complaintkeys',
  index: 'complaintindex',
  /** Open complaints only, by urgency: the sweep and the register's urgency order read nothing else. */
  open: 'complaintopen',
  /** One row per search key and complaint: the register's search. */
  search: 'complaintsearch',
  /** Once-only marks of the timers (reminders sent, weekly summary), counters and saved report notes. */
  watch: 'complaintwatch',
  /** Mailbox capture: the subscription, the delta link, unreviewed e-mails and which e-mail belongs to which complaint. */
  mailbox: 'complaintmailbox',
} as const;
export const containerName = 'complaint-files';

export interface StorageClients {
  tables: { [K in keyof typeof tableNames]: TableClient };
  tableService: TableServiceClient;
  /** The files' container, created when missing; the Blob SDK loads at the first call. */
  container: () => Promise<ContainerClient>;
}

/**
 * The Blob SDK is a fifth of the bundle and only attachments, originals and erasure use it: it is loaded, and
 * the container created when missing, at the first use in a process, not when the worker loads the app.
 */
function lazyContainer(
  connect: (blob: typeof import('@azure/storage-blob')) => ContainerClient,
): () => Promise<ContainerClient> {
  let pending: Promise<ContainerClient> | undefined;
  return () =>
    (pending ??= import('@azure/storage-blob')
      .then(async (blob) => {
        const container = connect(blob);
        await container.createIfNotExists();
        return container;
      })
      .catch((error: unknown) => {
        // Storage away: the next request tries again.
        pending = undefined;
        throw error;
      }));
}

/**
 * Creates the storage clients once per process (they pool connections). Locally a connection string to
 * Azurite; in Azure the account's endpoints with the Function App's managed identity, no keys.
 */
export function createStorageClients(storage: Config['storage']): StorageClients {
  if (storage.kind === 'connectionString') {
    const cs = storage.connectionString;
    // Azurite speaks plain http on loopback; the SDK refuses that unless told.
    const insecure = { allowInsecureConnection: /^UseDevelopmentStorage=true|http:\/\//i.test(cs) };
    return {
      tables: {
        complaints: TableClient.fromConnectionString(cs, tableNames.complaints, insecure),
        keys: TableClient.fromConnectionString(cs, tableNames.keys, insecure),
        index: TableClient.fromConnectionString(cs, tableNames.index, insecure),
        open: TableClient.fromConnectionString(cs, tableNames.open, insecure),
        search: TableClient.fromConnectionString(cs, tableNames.search, insecure),
        watch: TableClient.fromConnectionString(cs, tableNames.watch, insecure),
        mailbox: TableClient.fromConnectionString(cs, tableNames.mailbox, insecure),
      },
      tableService: TableServiceClient.fromConnectionString(cs, insecure),
      container: lazyContainer((blob) =>
        blob.BlobServiceClient.fromConnectionString(cs).getContainerClient(containerName),
      ),
    };
  }
  const credential = sharedCredential();
  const tableUrl = `https://${storage.accountName}.table.core.windows.net`;
  const blobUrl = `https://${storage.accountName}.blob.core.windows.net`;
  return {
    tables: {
      complaints: new TableClient(tableUrl, tableNames.complaints, credential),
      keys: new TableClient(tableUrl, tableNames.keys, credential),
      index: new TableClient(tableUrl, tableNames.index, credential),
      open: new TableClient(tableUrl, tableNames.open, credential),
      search: new TableClient(tableUrl, tableNames.search, credential),
      watch: new TableClient(tableUrl, tableNames.watch, credential),
      mailbox: new TableClient(tableUrl, tableNames.mailbox, credential),
    },
    tableService: new TableServiceClient(tableUrl, credential),
    container: lazyContainer((blob) =>
      new blob.BlobServiceClient(blobUrl, credential).getContainerClient(containerName),
    ),
  };
}

/**
 * Creates the tables that are missing; safe to run at every start and from several instances at once. The
 * container is created at its first use (see `lazyContainer`).
 */
export async function ensureStorage(clients: StorageClients): Promise<void> {
  await Promise.all(Object.values(clients.tables).map((t) => t.createTable()));
}
