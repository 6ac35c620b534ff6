import { memoryDerived } from '../support/memoryDerived';
import type { ComplaintIndex, IndexEntry, UnsentWork } from '../../src/app/ports/complaintIndex';
import type { Mailer, OutgoingLetter, SendOutcome } from '../../src/app/ports/mailer';
import type { WatchStore, YearlyNotes } from '../../src/app/ports/watchStore';
import type { AuditEntry } from '../../src/app/ports/complaintStore';

/** Stateful in-memory fakes of the watch's ports (docs/architecture.md: fakes, not spies). */
export class MemoryWatchStore implements WatchStore {
  marks = new Set<string>();
  counts: { name: string; day: string; n: number }[] = [];
  audits: AuditEntry[] = [];
  notes = new Map<number, YearlyNotes>();
  async claim(scope: string, key: string): Promise<boolean> {
    // Yield first, so concurrent claimers really interleave as they would against storage.
    await Promise.resolve();
    const id = `${scope}/${key}`;
    if (this.marks.has(id)) return false;
    this.marks.add(id);
    return true;
  }
  async release(scope: string, key: string): Promise<void> {
    this.marks.delete(`${scope}/${key}`);
  }
  async addCount(name: string, day: string, n: number): Promise<void> {
    this.counts.push({ name, day, n });
  }
  async sumCounts(name: string, from: string, to: string): Promise<number> {
    return this.counts
      .filter((c) => c.name === name && c.day >= from && c.day <= to)
      .reduce((s, c) => s + c.n, 0);
  }
  async audit(entry: AuditEntry): Promise<void> {
    this.audits.push(entry);
  }
  async getYearlyNotes(year: number): Promise<YearlyNotes | undefined> {
    return this.notes.get(year);
  }
  async saveYearlyNotes(year: number, notes: YearlyNotes): Promise<void> {
    this.notes.set(year, notes);
  }
}

export class MemoryMailer implements Mailer {
  sent: OutgoingLetter[] = [];
  /** Outcomes to answer next, in order; then `accepted`. */
  script: SendOutcome[] = [];
  async send(letter: OutgoingLetter): Promise<SendOutcome> {
    await Promise.resolve();
    const outcome = this.script.shift() ?? { kind: 'accepted', inThread: false };
    if (outcome.kind !== 'notSent') this.sent.push(letter);
    return outcome;
  }
  async findSent(): Promise<{ kind: 'notFound' }> {
    return { kind: 'notFound' };
  }
}

export class MemoryIndex implements ComplaintIndex {
  rows = new Map<string, IndexEntry>();
  private readonly derived = memoryDerived(() => this.rows.values());
  listOpen = this.derived.listOpen;
  searchKey = this.derived.searchKey;
  searchKeyPage = this.derived.searchKeyPage;
  entry = this.derived.entry;
  backfill = this.derived.backfill;
  async put(entry: IndexEntry): Promise<void> {
    this.rows.set(entry.id, entry);
  }
  async list(query: Parameters<ComplaintIndex['list']>[0]): Promise<{ items: IndexEntry[] }> {
    return {
      items: [...this.rows.values()].filter(
        (e) =>
          (query.status === undefined || e.status === query.status) &&
          (query.year === undefined || e.year === query.year) &&
          (query.retainBefore === undefined || (!!e.retainUntil && e.retainUntil < query.retainBefore)),
      ),
    };
  }
  async withUnsentLetters(): Promise<UnsentWork[]> {
    return [];
  }
  async byComplainant(address: string | undefined): Promise<IndexEntry[]> {
    return [...this.rows.values()].filter((e) => e.complainantAddress === address);
  }
}

export function openEntry(id: string, number: string, pending: string): IndexEntry {
  return {
    id,
    number,
    year: 2026,
    status: 'open',
    handlerAddress: 'sanne@example.nl',
    handlerName: 'Sanne',
    receivedOn: '2026-04-13',
    nextDeadline: pending.split(',')[0]?.split(':')[1] ?? '',
    complainantAddress: 'klager@example.nl',
    complainantName: 'klager',
    subject: 'onderwerp',
    decidedOn: '',
    pending,
  };
}
