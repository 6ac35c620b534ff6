import type { WorkingDayCalendar } from '../../domain/src/workingDayCalendar';
import type { OrganisationSettings } from '../../domain/src/organisationSettings';
import { loadConfig, type Config } from './adapters/config';
import { createJwtAuthenticator } from './adapters/jwtAuthenticator';
import type { Authenticator } from './app/ports/authenticator';
import { createStorageClients, ensureStorage, type StorageClients } from './adapters/storageClients';
import { createTableComplaintStore } from './adapters/tableComplaintStore';
import { createTableNumberLedger } from './adapters/tableNumberLedger';
import type { NumberLedger } from './app/ports/numberLedger';
import { createBlobFileStore } from './adapters/blobFileStore';
import { createTableComplaintIndex } from './adapters/tableComplaintIndex';
import type { ComplaintIndex } from './app/ports/complaintIndex';
import type { Clock } from './app/ports/clock';
import { systemClock } from './adapters/systemClock';
import type { ComplaintDocument } from './app/complaintDocument';
import type { FileStore } from './app/ports/fileStore';
import type { ComplaintStore } from './app/ports/complaintStore';
import type { StorageProbe } from './app/ports/storageProbe';
import { createGraphMailer } from './adapters/graphMailer';
import { graphTokenSourceFor, type GraphTokenSource } from './adapters/graphTokenSource';
import { createTableComplaintArchive } from './adapters/tableComplaintArchive';
import { createTableWatchStore } from './adapters/tableWatchStore';
import { createTeamsWebhookNotifier } from './adapters/teamsWebhookNotifier';
import { ooxmlXlsxWriter } from './adapters/xlsxWriter';
import type { Mailer } from './app/ports/mailer';
import { defaultDeliveryOptions, type DeliveryOptions } from './letters/deliveryPolicy';
import type { LetterDeliveryDeps } from './letters/deliverLetters';
import { letterSettingsFrom } from './letters/letterSettings';
import type { XlsxWriter } from './app/ports/xlsxWriter';
import type { TeamsNotifier } from './app/ports/teamsNotifier';
import type { ComplaintArchive } from './app/ports/complaintArchive';
import type { WatchStore } from './app/ports/watchStore';
import type { ConversationDeps } from './app/conversation/conversationDeps';
import { createTableMailboxStore } from './adapters/tableMailboxStore';
import { createBlobEvidenceStore } from './adapters/blobEvidenceStore';
import { createGraphMailbox } from './adapters/graphMailbox';
import { createTableSettingsStore } from './adapters/tableSettingsStore';
import { createSettingsSource, type SettingsSource } from './settings/settingsSource';
import type { SettingsStore } from './app/ports/settingsStore';

/** Everything a handler needs, built once per process. */
export interface Services {
  config: Config;
  clock: Clock;
  authenticator: Authenticator;
  complaints: ComplaintStore<ComplaintDocument>;
  /** Numbers issued without a complaint (void, "vervallen"). */
  numbers: NumberLedger;
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
  /** Mailbox capture and the complaint's conversation (docs/deploy.md, "Mailbox capture"). */
  conversation: ConversationDeps;
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
    numbers: createTableNumberLedger(storage.tables.keys),
    files: createBlobFileStore(storage.container),
    index: createTableComplaintIndex(storage.tables.index, {
      open: storage.tables.open,
      search: storage.tables.search,
    }),
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

/** What the local stack or a test may replace; production uses none of these. */
export interface LetterRuntimeOverrides {
  tokens?: GraphTokenSource;
  mailer?: Mailer;
  options?: Partial<DeliveryOptions>;
  random?: () => number;
}

/**
 * The letter sender's dependencies, built from the app's services (config, store, clock) and the Graph
 * adapter. Built once per services object: the Graph client and its token cache live as long as the process.
 */
export function letterDeliveryFactory(
  overrides: LetterRuntimeOverrides = {},
): (services: Services) => LetterDeliveryDeps {
  const built = new WeakMap<Services, LetterDeliveryDeps>();
  return (services) => {
    let deps = built.get(services);
    if (!deps) {
      const options = {
        ...defaultDeliveryOptions,
        reviewWindowMs: (services.config.letterReviewMinutes ?? 0) * 60_000,
        ...overrides.options,
      };
      const { baseUrl, mailbox } = services.config.graph;
      deps = {
        complaints: services.complaints,
        index: services.index,
        // The app's own mailer (one Graph client per process) unless the stack or a test swaps a part.
        mailer:
          overrides.mailer ??
          (overrides.tokens || overrides.options?.requestTimeoutMs !== undefined
            ? createGraphMailer({
                baseUrl,
                mailbox,
                tokens: overrides.tokens ?? graphTokenSourceFor(baseUrl),
                timeoutMs: options.requestTimeoutMs,
              })
            : services.mailer),
        clock: services.clock,
        // Getters: the Directeur may change the settings at any time, and a letter takes them as they are when
        // it is rendered, not as they were when this process started.
        get settings() {
          return letterSettingsFrom(services.config, services.procedure.settings);
        },
        options,
        random: overrides.random ?? Math.random,
        get staff() {
          const directorAddress = services.procedure.settings.directorAddress;
          return {
            watch: services.watch,
            ...(directorAddress ? { directorAddress } : {}),
            registerUrl: `${services.config.addinOrigin}/taskpane.html`,
            organisationName: services.config.organisationName,
          };
        },
      };
      built.set(services, deps);
    }
    return deps;
  };
}

/** The production dependencies (shared by the timer and the immediate attempt after a step). */
export const defaultLetterDelivery = letterDeliveryFactory();
