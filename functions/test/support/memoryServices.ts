import { memoryDerived } from './memoryDerived';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { createWorkingDayCalendar } from '../../../domain/src/workingDayCalendar';
import { defaultProcedureSettings } from '../../../domain/src/settings';
import type { ComplaintDocument } from '../../src/app/complaintDocument';
import type { ComplaintIndex, IndexEntry } from '../../src/app/ports/complaintIndex';
import { AppError } from '../../src/common/errors';
import type { FileStore } from '../../src/app/ports/fileStore';
import type { AuditEntry, ComplaintStore, OutboxRecord, SideRow } from '../../src/app/ports/complaintStore';
import type { Principal } from '../../src/common/principal';
import type { Services } from '../../src/composition';
import type { ConversationDeps } from '../../src/app/conversation/conversationDeps';
import type { Config } from '../../src/adapters/config';
import { ooxmlXlsxWriter } from '../../src/adapters/xlsxWriter';
import { MemoryMailer, MemoryWatchStore } from '../watch/fakes';
import { createSettingsSource } from '../../src/settings/settingsSource';
import { MemorySettingsStore } from './memorySettingsStore';

/**
 * Stateful in-memory fakes of the ports, with the same contracts as the Table/Blob adapters (first claim
 * wins, ETags change on every write, a stale ETag is refused). `failNext` makes the next call of a method
 * throw, to test what a crash half-way leaves behind.
 */
export class MemoryStore implements ComplaintStore<ComplaintDocument> {
  claims = new Map<string, { complaintId: string; claimedAt: Date; etag: string }>();
  numbers = new Map<number, string[]>();
  docs = new Map<string, { doc: ComplaintDocument; etag: string }>();
  rows = new Map<string, SideRow[]>();
  failNext = new Set<keyof ComplaintStore<ComplaintDocument>>();

  private fail(method: keyof ComplaintStore<ComplaintDocument>): void {
    if (this.failNext.delete(method)) throw new Error(`${method} failed (injected)`);
  }

  async claimMessage(key: string, complaintId: string, now: Date) {
    this.fail('claimMessage');
    const existing = this.claims.get(key);
    if (existing) return { claimed: false as const, ...existing };
    this.claims.set(key, { complaintId, claimedAt: now, etag: randomUUID() });
    return { claimed: true as const };
  }
  async lookupMessage(key: string) {
    return this.claims.get(key)?.complaintId;
  }
  async renewClaim(key: string, etag: string, now: Date) {
    const claim = this.claims.get(key);
    if (!claim || claim.etag !== etag) return false;
    this.claims.set(key, { ...claim, claimedAt: now, etag: randomUUID() });
    return true;
  }
  async allocateNumber(year: number, complaintId: string) {
    this.fail('allocateNumber');
    const issued = this.numbers.get(year) ?? [];
    const known = issued.indexOf(complaintId);
    if (known >= 0) return known + 1;
    issued.push(complaintId);
    this.numbers.set(year, issued);
    return issued.length;
  }
  async create(doc: ComplaintDocument, rows: readonly SideRow[]) {
    this.fail('create');
    if (this.docs.has(doc.id)) return { outcome: 'exists' as const };
    doc.version = 1;
    const etag = randomUUID();
    this.docs.set(doc.id, { doc: structuredClone(doc), etag });
    this.rows.set(doc.id, [...rows]);
    // Side rows start with the ETag `saveOutbox` expects of a row never saved.
    return { outcome: 'created' as const, etag, rowEtags: rows.map(() => 'initial') };
  }
  async get(id: string) {
    const found = this.docs.get(id);
    return found ? { doc: structuredClone(found.doc), etag: found.etag } : undefined;
  }
  async update(doc: ComplaintDocument, etag: string, rows: readonly SideRow[]) {
    this.fail('update');
    const found = this.docs.get(doc.id);
    if (!found || found.etag !== etag) throw new AppError('preconditionFailed', 'stale', 'stale');
    const next = randomUUID();
    doc.version = (doc.version ?? 1) + 1;
    this.docs.set(doc.id, { doc: structuredClone(doc), etag: next });
    this.rows.set(doc.id, [...(this.rows.get(doc.id) ?? []), ...rows]);
    return next;
  }
  async audit(id: string, entries: readonly AuditEntry[]) {
    this.rows.set(id, [
      ...(this.rows.get(id) ?? []),
      ...entries.map((data): SideRow => ({ kind: 'audit', key: data.at, data })),
    ]);
  }
  async listAudit(id: string) {
    return (this.rows.get(id) ?? []).flatMap((r) => (r.kind === 'audit' ? [r.data] : []));
  }
  outboxEtags = new Map<string, string>();
  async listOutbox(
    query: { complaintId: string } | { statuses: readonly string[] },
  ): Promise<OutboxRecord[]> {
    return [...this.rows.entries()].flatMap(([complaintId, rows]) =>
      rows.flatMap((r): OutboxRecord[] => {
        if (r.kind !== 'outbox') return [];
        const matches =
          'complaintId' in query
            ? complaintId === query.complaintId
            : query.statuses.includes(String(r.data['status']));
        const key = `${complaintId}/${r.key}`;
        return matches
          ? [
              {
                complaintId,
                key: r.key,
                etag: this.outboxEtags.get(key) ?? 'initial',
                data: structuredClone(r.data),
              },
            ]
          : [];
      }),
    );
  }
  async saveOutbox(record: Omit<OutboxRecord, 'etag'>, etag: string) {
    const key = `${record.complaintId}/${record.key}`;
    if ((this.outboxEtags.get(key) ?? 'initial') !== etag)
      throw new AppError('preconditionFailed', 'stale', 'stale');
    const rows = this.rows.get(record.complaintId) ?? [];
    this.rows.set(
      record.complaintId,
      rows.map((r) =>
        r.kind === 'outbox' && r.key === record.key ? { ...r, data: structuredClone(record.data) } : r,
      ),
    );
    const next = randomUUID();
    this.outboxEtags.set(key, next);
    return next;
  }
}

export class MemoryIndex implements ComplaintIndex {
  entries = new Map<string, IndexEntry>();
  private readonly derived = memoryDerived(() => this.entries.values());
  listOpen = this.derived.listOpen;
  searchKey = this.derived.searchKey;
  searchKeyPage = this.derived.searchKeyPage;
  entry = this.derived.entry;
  backfill = this.derived.backfill;
  async put(entry: IndexEntry) {
    if ((this.entries.get(entry.id)?.version ?? -1) > (entry.version ?? 0)) return;
    this.entries.set(entry.id, entry);
  }
  async list() {
    return { items: [...this.entries.values()] };
  }
  async withUnsentLetters() {
    return [...this.entries.values()]
      .filter((e) => (e.unsentLetters ?? 0) > 0 || (e.unsentNotices ?? 0) > 0)
      .map((e) => ({ id: e.id, unsentNotices: e.unsentNotices ?? 0, failedLetters: e.failedLetters ?? 0 }));
  }
  async byComplainant(address: string | undefined, name: string) {
    return [...this.entries.values()].filter(
      (e) => e.complainantAddress === address || (name !== '' && e.complainantName === name),
    );
  }
}

export class MemoryFiles implements FileStore {
  files = new Map<string, Buffer>();
  async putAttachment(id: string, index: number, name: string, _type: string, content: Buffer) {
    const blobName = `${id}/attachments/${index}-${name}`;
    this.files.set(blobName, content);
    return blobName;
  }
  async putOriginalMessage(id: string, message: unknown) {
    this.files.set(`${id}/message.json`, Buffer.from(JSON.stringify(message)));
  }
  async getFile(blobName: string) {
    const content = this.files.get(blobName);
    return content
      ? { content: Readable.from(content), contentType: 'application/octet-stream', size: content.length }
      : undefined;
  }
  async deleteComplaintFiles(id: string) {
    const names = [...this.files.keys()].filter((k) => k.startsWith(`${id}/`));
    names.forEach((n) => this.files.delete(n));
    return names.length;
  }
}

export const handler: Principal = {
  id: 'oid-sanne',
  name: 'Sanne Bakker',
  address: 'sanne.bakker@lagant-voorbeeld.nl',
  roles: ['Klachtbehandelaar'],
};

/** Services over the in-memory fakes, with a clock the test moves. */
export function memoryServices(start: Date) {
  const clock = {
    at: start,
    now() {
      return new Date(this.at);
    },
  };
  const store = new MemoryStore();
  const index = new MemoryIndex();
  const files = new MemoryFiles();
  const settings = {
    ...defaultProcedureSettings({
      organisation: 'Geschillencommissie',
      person: '',
      email: 'derde@example.org',
    }),
    reminderWorkingDays: 2,
    directorAddress: '',
  };
  const settingsStore = new MemorySettingsStore();
  const services: Services = {
    config: { organisationStart: '2000-01-01' } as Config,
    // Mailbox capture is exercised against Azurite and the Graph sandbox (test/mailbox); registration only
    // calls it best-effort, so these tests run without it.
    conversation: {} as ConversationDeps,
    clock,
    authenticator: { authenticate: () => Promise.resolve(handler) },
    complaints: store,
    numbers: {
      voidNumber: () => Promise.resolve(),
      listVoided: () => Promise.resolve([]),
      releaseClaim: () => Promise.resolve(),
    },
    files,
    index,
    probe: { ping: () => Promise.resolve() },
    procedure: { settings, calendar: createWorkingDayCalendar(settings.calendar) },
    settings: createSettingsSource(settingsStore, settings),
    settingsStore,
    // The ports (deadline watch and reports): their own fakes live in functions/test/watch/fakes.ts.
    mailer: new MemoryMailer(),
    watch: new MemoryWatchStore(),
    archive: { anonymise: () => Promise.resolve(false), getRecord: () => Promise.resolve(undefined) },
    teams: { post: () => Promise.resolve('notConfigured') },
    xlsx: ooxmlXlsxWriter,
  };
  return { services, store, index, files, clock };
}
