import { memoryDerived } from '../support/memoryDerived';
import { randomUUID } from 'node:crypto';
import { createWorkingDayCalendar } from '../../../domain/src/workingDayCalendar';
import { defaultProcedureSettings } from '../../../domain/src/settings';
import { registerComplaint } from '../../../domain/src/registerComplaint';
import { applyStep } from '../../../domain/src/lifecycle';
import { formatComplaintNumber } from '../../../domain/src/complaintNumber';
import { localDate } from '../../../domain/src/localDate';
import type { ProcedureContext } from '../../../domain/src/procedureContext';
import type { Party } from '../../../domain/src/complaintState';
import type { Effect } from '../../../domain/src/effects';
import type { StepInput } from '../../../domain/src/steps';
import { stepSchema } from '../../../domain/src/steps';
import { AppError } from '../../src/common/errors';
import type { ComplaintDocument } from '../../src/app/complaintDocument';
import type { ComplaintIndex, IndexEntry, UnsentWork } from '../../src/app/ports/complaintIndex';
import type {
  AuditEntry,
  ComplaintStore,
  CreateResult,
  OutboxRecord,
  SideRow,
  Stored,
} from '../../src/app/ports/complaintStore';
import { outboxRows } from '../../src/app/sideRows';
import type { LetterSettings } from '../../src/letters/letterSettings';
import {
  LETTER_ID_HEADER,
  type LookupOutcome,
  type Mailer,
  type OutgoingLetter,
  type SendOutcome,
} from '../../src/app/ports/mailer';

export const thirdParty = {
  organisation: 'Stichting Onafhankelijke Klachtbehandeling',
  person: 'mr. A. de Wit',
  email: 'geschillen@onafhankelijk.example',
};

export const settings: LetterSettings = {
  organisationName: 'Lagant Opleidingen',
  mailbox: 'klachten@lagant.example',
  retentionYears: 2,
  thirdParty,
};

export function contextOn(today: string): ProcedureContext {
  const procedure = defaultProcedureSettings(thirdParty);
  return {
    today: localDate(today),
    calendar: createWorkingDayCalendar(procedure.calendar),
    settings: procedure,
  };
}

const stale = (): AppError => new AppError('preconditionFailed', 'stale', 'stale');

/** A stateful in-memory ComplaintStore: ETags change on every write, stale writes are refused like storage does. */
export class MemoryStore implements ComplaintStore<ComplaintDocument> {
  docs = new Map<string, Stored<ComplaintDocument>>();
  outbox = new Map<string, OutboxRecord>();
  audits = new Map<string, AuditEntry[]>();
  private version = 0;
  private etag = (): string => `W/"${++this.version}"`;

  claimMessage(): never {
    throw new Error('not used');
  }
  lookupMessage(): never {
    throw new Error('not used');
  }
  renewClaim(): never {
    throw new Error('not used');
  }
  allocateNumber(): never {
    throw new Error('not used');
  }
  async create(doc: ComplaintDocument, rows: readonly SideRow[]): Promise<CreateResult> {
    if (this.docs.has(doc.id)) return { outcome: 'exists' };
    const etag = this.etag();
    this.docs.set(doc.id, { doc: structuredClone(doc), etag });
    const rowEtags = this.writeRows(doc.id, rows);
    return { outcome: 'created', etag, rowEtags };
  }
  async get(id: string): Promise<Stored<ComplaintDocument> | undefined> {
    const s = this.docs.get(id);
    return s ? structuredClone(s) : undefined;
  }
  async update(doc: ComplaintDocument, etag: string, rows: readonly SideRow[]): Promise<string> {
    const current = this.docs.get(doc.id);
    if (!current || current.etag !== etag) throw stale();
    const next = this.etag();
    this.docs.set(doc.id, { doc: structuredClone(doc), etag: next });
    this.writeRows(doc.id, rows);
    return next;
  }
  async audit(id: string, entries: readonly AuditEntry[]): Promise<void> {
    this.audits.set(id, [...(this.audits.get(id) ?? []), ...entries]);
  }
  async listAudit(id: string): Promise<AuditEntry[]> {
    return [...(this.audits.get(id) ?? [])];
  }
  async listOutbox(
    query: { complaintId: string } | { statuses: readonly string[] },
  ): Promise<OutboxRecord[]> {
    return [...this.outbox.values()]
      .filter((r) =>
        'complaintId' in query
          ? r.complaintId === query.complaintId
          : query.statuses.includes(String(r.data['status'])),
      )
      .map((r) => structuredClone(r));
  }
  async saveOutbox(record: Omit<OutboxRecord, 'etag'>, etag: string): Promise<string> {
    const key = `${record.complaintId}/${record.key}`;
    const current = this.outbox.get(key);
    if (!current || current.etag !== etag) throw stale();
    const next = this.etag();
    this.outbox.set(key, { ...structuredClone(record), etag: next });
    return next;
  }
  private writeRows(id: string, rows: readonly SideRow[]): string[] {
    return rows.map((row) => {
      const etag = this.etag();
      if (row.kind === 'audit') this.audits.set(id, [...(this.audits.get(id) ?? []), row.data]);
      else if (row.kind === 'outbox') {
        const key = `${id}/${row.key}`;
        if (this.outbox.has(key)) throw new AppError('conflict', 'exists', 'row exists');
        this.outbox.set(key, { complaintId: id, key: row.key, etag, data: structuredClone(row.data) });
      }
      return etag;
    });
  }
  /** The outbox row of a letter, parsed loosely for assertions. */
  row(id: string, seq: number): Record<string, unknown> {
    return this.outbox.get(`${id}/${String(seq).padStart(4, '0')}`)?.data ?? {};
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
  /** With the store, it answers `withUnsentLetters` from the outbox rows, as the real index's count does. */
  constructor(private readonly store?: MemoryStore) {}
  async put(entry: IndexEntry): Promise<void> {
    this.entries.set(entry.id, entry);
  }
  async list(): Promise<{ items: IndexEntry[] }> {
    return { items: [...this.entries.values()] };
  }
  async withUnsentLetters(): Promise<UnsentWork[]> {
    const unsent = [...(this.store?.outbox.values() ?? [])].filter(
      (r) => r.data['status'] !== 'sent' && r.data['status'] !== 'cancelled',
    );
    // A notice counts while it is pending, as the complaint's `unsentNotices` does.
    const notices = (id: string) =>
      unsent.filter((r) => r.complaintId === id && r.key.startsWith('n') && r.data['status'] !== 'failed')
        .length;
    // Failed letters count as the complaint counts them once the failure was recorded on it.
    const failed = (id: string) =>
      unsent.filter((r) => r.complaintId === id && !r.key.startsWith('n') && r.data['status'] === 'failed')
        .length;
    return [...new Set(unsent.map((r) => r.complaintId))].map((id) => ({
      id,
      unsentNotices: notices(id),
      failedLetters: failed(id),
    }));
  }
  async byComplainant(): Promise<IndexEntry[]> {
    return [];
  }
}

type Scripted = SendOutcome | 'accept-and-lose' | 'accept';

/**
 * A stateful mailer: keeps what it "sent" (by letter id, like Sent Items) and plays scripted outcomes;
 * `accept-and-lose` sends the letter but reports an unknown outcome, like an answer lost on the way back.
 */
export class MemoryMailer implements Mailer {
  sent: (OutgoingLetter & { graphMessageId: string })[] = [];
  script: Scripted[] = [];
  lookups: LookupOutcome[] = [];
  lookupCount = 0;
  async send(letter: OutgoingLetter): Promise<SendOutcome> {
    const next = this.script.shift() ?? 'accept';
    if (next === 'accept' || next === 'accept-and-lose') {
      const graphMessageId = randomUUID();
      this.sent.push({ ...letter, graphMessageId });
      return next === 'accept'
        ? { kind: 'accepted', graphMessageId, inThread: letter.replyTo !== undefined }
        : { kind: 'unknown', code: 'no-answer' };
    }
    return next;
  }
  async findSent(letterId: string): Promise<LookupOutcome> {
    this.lookupCount++;
    const scripted = this.lookups.shift();
    if (scripted) return scripted;
    const hit = this.sent.find((s) => s.letterId === letterId);
    return hit ? { kind: 'found', graphMessageId: hit.graphMessageId } : { kind: 'notFound' };
  }
  countFor(letterId: string): number {
    return this.sent.filter((s) => s.letterId === letterId).length;
  }
}

export { LETTER_ID_HEADER };

/** A complaint as registration stores it, optionally with further steps (each may queue a letter). */
export async function seedComplaint(
  store: MemoryStore,
  options: {
    today?: string;
    complainant?: Party;
    from?: Party;
    steps?: StepInput[];
    sequence?: number;
  } = {},
): Promise<ComplaintDocument> {
  const ctx = contextOn(options.today ?? '2026-03-02');
  const complainant = options.complainant ?? { name: 'Eva de Vries', address: 'eva@klant.example' };
  const result = registerComplaint(
    {
      number: formatComplaintNumber(2026, options.sequence ?? 1),
      origin: { internetMessageId: `<${randomUUID()}@klant.example>` },
      receivedOn: ctx.today,
      complainant,
      subject: 'RE: Factuur dubbel betaald',
      description: 'Factuur dubbel betaald',
      body: 'Ik heb twee keer betaald.',
      attachments: [],
      handler: { name: 'Sanne Bakker', address: 'sanne@lagant.example' },
    },
    ctx,
  );
  if (!result.ok) throw new Error(result.message);
  let state = result.state;
  const effects: Effect[] = [...result.effects];
  for (const input of options.steps ?? []) {
    const step = stepSchema.parse(input);
    const next = applyStep(state, step, ctx);
    if (!next.ok) throw new Error(next.message);
    state = next.state;
    effects.push(...next.effects);
  }
  const id = randomUUID();
  const doc: ComplaintDocument = {
    id,
    year: 2026,
    registeredAt: `${ctx.today}T09:00:00.000Z`,
    registeredBy: { id: 'x', name: 'Sanne Bakker' },
    message: {
      internetMessageId: state.origin.internetMessageId,
      conversationId: 'conv',
      subject: state.subject,
      from: options.from ?? complainant,
      receivedAt: `${ctx.today}T09:00:00.000Z`,
    },
    state,
    actors: {},
  };
  await store.create(doc, outboxRows(doc, effects, new Date(`${ctx.today}T09:00:00.000Z`)));
  return doc;
}
