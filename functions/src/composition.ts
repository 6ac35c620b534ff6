import type { WorkingDayCalendar } from '../../domain/src/workingDayCalendar';
import type { OrganisationSettings } from '../../domain/src/organisationSettings';
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
import { createTableSettingsStore } from './adapters/tableSettingsStore';
import { createSettingsSource, type SettingsSource } from './settings/settingsSource';
import type { SettingsStore } from './settings/settingsStore';
import type { Mailer } from './letters/mailer';
import { defaultDeliveryOptions } from './letters/deliveryPolicy';
import type { XlsxWriter } from './reports/spreadsheet';
import type { TeamsNotifier } from './reports/teamsNotifier';
import type { ComplaintArchive, WatchStore } from './watch/watchStore';

/** Everything a handler needs, built once per process. */
export interface Services {
  config: Config;
  clock: Clock;
  authenticator: Authenticator;
  complaints: ComplaintStore<ComplaintDocument>;
  files: FileStore;
  index: ComplaintIndex;
  probe: StorageProbe;
  /**
   * The organisation's settings as stored (the app settings until the Directeur's first save): read through
   * `settings`, which every request refreshes (see `lazyServices`).
   */
  procedure: { readonly settings: OrganisationSettings; readonly calendar: WorkingDayCalendar };
  settings: SettingsSource;
  settingsStore: SettingsStore;
  /** Mail to staff (reminders, summaries) through Graph, from the complaints mailbox. */
  mailer: Mailer;
  /** The timers' once-only marks, counters, register audit and the director's report notes. */
  watch: WatchStore;
  /** R3: erased complaints' statistical records. */
  archive: ComplaintArchive;
  teams: TeamsNotifier;
  xlsx: XlsxWriter;
}

export type ServicesFactory = () => Promise<Services>;

export function createServices(
  config: Config,
  clock: Clock,
): { services: Services; storage: StorageClients } {
  const storage = createStorageClients(config.storage);
  const settingsStore = createTableSettingsStore(storage.tables.watch);
  const settings = createSettingsSource(settingsStore, {
    ...config.procedure,
    reminderWorkingDays: config.reminderWorkingDays,
    directorAddress: config.directorAddress ?? '',
  });
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
    procedure: {
      get settings() {
        return settings.peek().settings;
      },
      get calendar() {
        return settings.peek().calendar;
      },
    },
    settings,
    settingsStore,
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
  };
  return { services, storage };
}

/**
 * Builds the services on first use and reuses them; if storage could not be prepared, the next request
 * tries again instead of the app staying broken until a restart. Every call brings the organisation's
 * settings up to date (from a short per-process cache), so each request and timer run sees the stored ones.
 */
export function lazyServices(build: () => Promise<Services>): ServicesFactory {
  let pending: Promise<Services> | undefined;
  return async () => {
    pending ??= build().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    const services = await pending;
    await services.settings.refresh();
    return services;
  };
}

/** Production: configuration from the app settings, the system clock. */
export const productionServices: ServicesFactory = lazyServices(async () => {
  const { services, storage } = createServices(loadConfig(process.env), systemClock);
  await ensureStorage(storage);
  return services;
});
