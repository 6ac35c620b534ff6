import { createWorkingDayCalendar, type WorkingDayCalendar } from '../../domain/src/workingDayCalendar';
import type { ProcedureSettings } from '../../domain/src/settings';
import { loadConfig, type Config } from './adapters/config';
import { createJwtAuthenticator, type Authenticator } from './adapters/jwtAuthenticator';
import { createStorageClients, ensureStorage, type StorageClients } from './adapters/storageClients';
import { createTableComplaintStore } from './adapters/tableComplaintStore';
import { createBlobFileStore } from './adapters/blobFileStore';
import { createTableComplaintIndex } from './adapters/tableComplaintIndex';
import type { ComplaintIndex } from './app/complaintIndex';
import { systemClock, type Clock } from './app/clock';
import type { ComplaintDocument } from './app/complaintDocument';
import type { FileStore } from './app/fileStore';
import type { ComplaintStore, StorageProbe } from './app/ports';
import { createGraphMailer } from './adapters/graphMailer';
import { graphTokenSourceFor } from './adapters/graphTokenSource';
import { createTableComplaintArchive } from './adapters/tableComplaintArchive';
import { createTableWatchStore } from './adapters/tableWatchStore';
import { createTeamsWebhookNotifier } from './adapters/teamsWebhookNotifier';
import { ooxmlXlsxWriter } from './adapters/xlsxWriter';
import type { Mailer } from './letters/mailer';
import { defaultDeliveryOptions } from './letters/deliveryPolicy';
import type { XlsxWriter } from './reports/spreadsheet';
import type { TeamsNotifier } from './reports/teamsNotifier';
import type { ComplaintArchive, WatchStore } from './watch/watchStore';
import type { ConversationDeps } from './app/conversation/conversationDeps';
import { createTableMailboxStore } from './adapters/tableMailboxStore';
import { createBlobEvidenceStore } from './adapters/blobEvidenceStore';
import { createGraphMailbox } from './adapters/graphMailbox';

/** Everything a handler needs, built once per process. */
export interface Services {
  config: Config;
  clock: Clock;
  authenticator: Authenticator;
  complaints: ComplaintStore<ComplaintDocument>;
  files: FileStore;
  index: ComplaintIndex;
  probe: StorageProbe;
  procedure: { settings: ProcedureSettings; calendar: WorkingDayCalendar };
  /** Mail to staff (reminders, summaries) through Graph, from the complaints mailbox. */
  mailer: Mailer;
  /** The timers' once-only marks, counters, register audit and the director's report notes. */
  watch: WatchStore;
  /** R3: erased complaints' statistical records. */
  archive: ComplaintArchive;
  teams: TeamsNotifier;
  xlsx: XlsxWriter;
  /** Mailbox capture and the complaint's conversation (docs/deploy.md, "Mailbox capture"). */
  conversation: ConversationDeps;
}

export type ServicesFactory = () => Promise<Services>;

export function createServices(
  config: Config,
  clock: Clock,
): { services: Services; storage: StorageClients } {
  const storage = createStorageClients(config.storage);
  const services: Services = {
    config,
    clock,
    authenticator: createJwtAuthenticator(config.auth),
    complaints: createTableComplaintStore<ComplaintDocument>(storage.tables.complaints, storage.tables.keys),
    files: createBlobFileStore(storage.container),
    index: createTableComplaintIndex(storage.tables.index),
    probe: {
      async ping() {
        await storage.tableService.getProperties({ abortSignal: AbortSignal.timeout(5_000) });
      },
    },
    procedure: { settings: config.procedure, calendar: createWorkingDayCalendar(config.procedure.calendar) },
    mailer: createGraphMailer({
      baseUrl: config.graph.baseUrl,
      mailbox: config.graph.mailbox,
      tokens: graphTokenSourceFor(config.graph.baseUrl),
      timeoutMs: defaultDeliveryOptions.requestTimeoutMs,
    }),
    watch: createTableWatchStore(storage.tables.watch),
    archive: createTableComplaintArchive(storage.tables.complaints),
    teams: createTeamsWebhookNotifier(config.teamsWebhookUrl),
    xlsx: ooxmlXlsxWriter,
    conversation: undefined as unknown as ConversationDeps,
  };
  services.conversation = {
    complaints: services.complaints,
    index: services.index,
    mailboxStore: createTableMailboxStore(
      storage.tables.mailbox,
      storage.tables.complaints,
      storage.tables.keys,
    ),
    graph: createGraphMailbox({
      baseUrl: config.graph.baseUrl,
      mailbox: config.graph.mailbox,
      tokens: graphTokenSourceFor(config.graph.baseUrl),
      timeoutMs: defaultDeliveryOptions.requestTimeoutMs,
    }),
    evidence: createBlobEvidenceStore(storage.container),
    mailer: services.mailer,
    watch: services.watch,
    clock,
    calendar: services.procedure.calendar,
    mailbox: config.graph.mailbox,
    capture: config.capture,
    registerUrl: `${config.addinOrigin}/taskpane.html`,
    log: () => undefined,
  };
  return { services, storage };
}

/**
 * Builds the services on first use and reuses them; if storage could not be prepared, the next request
 * tries again instead of the app staying broken until a restart.
 */
export function lazyServices(build: () => Promise<Services>): ServicesFactory {
  let pending: Promise<Services> | undefined;
  return () => {
    pending ??= build().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

/** Production: configuration from the app settings, the system clock. */
export const productionServices: ServicesFactory = lazyServices(async () => {
  const { services, storage } = createServices(loadConfig(process.env), systemClock);
  await ensureStorage(storage);
  return services;
});
