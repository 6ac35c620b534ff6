import { createWorkingDayCalendar } from '../../../domain/src/workingDayCalendar';
import type { ComplaintDocument } from '../../src/app/complaintDocument';
import type { ComplaintStore } from '../../src/app/ports/complaintStore';
import { deadlineSweep, type SweepDeps } from '../../src/watch/deadlineSweep';
import { MemoryIndex, MemoryMailer, MemoryWatchStore, openEntry } from './fakes';

function setup() {
  const index = new MemoryIndex();
  const watch = new MemoryWatchStore();
  const mailer = new MemoryMailer();
  const clock = {
    at: new Date('2026-04-23T08:00:00Z'),
    now() {
      return new Date(this.at);
    },
  };
  const outbox = new Map<string, { status: string; kind: string }[]>();
  const complaints = {
    listOutbox: async (q: { complaintId?: string }) =>
      (outbox.get(q.complaintId ?? '') ?? []).map((o, i) => ({
        complaintId: q.complaintId ?? '',
        key: String(i + 1).padStart(4, '0'),
        etag: '*',
        data: { status: o.status, letter: { kind: o.kind } },
      })),
    get: async () => undefined,
  } as unknown as ComplaintStore<ComplaintDocument>;
  const deps: SweepDeps = {
    index,
    complaints,
    watch,
    mailer,
    clock,
    calendar: createWorkingDayCalendar(),
    reminderWorkingDays: 2,
    directorAddress: 'directeur@example.nl',
    registerUrl: 'https://addin.example/taskpane.html',
    organisationName: 'Voorbeeld',
  };
  return { deps, index, watch, mailer, clock, outbox };
}

describe('deadline sweep with in-memory ports', () => {
  test('two overlapping runs and a run every 10 minutes: each notice is mailed once', async () => {
    const { deps, index, mailer, clock } = setup();
    await index.put(openEntry('c1', 'K-2026-0001', 'escalationResponseBy:2026-04-28,resolveBy:2026-04-28'));
    await index.put(openEntry('c2', 'K-2026-0002', 'acknowledgeBy:2026-04-21'));
    await Promise.all([deadlineSweep(deps), deadlineSweep(deps), deadlineSweep(deps)]);
    for (let m = 0; m < 24 * 6; m++) {
      clock.at = new Date(Date.parse('2026-04-22T22:00:00Z') + m * 600_000);
      await deadlineSweep(deps);
    }
    const lines = mailer.sent.map((l) => `${l.to.address} ${l.subject}`).sort();
    expect(lines).toEqual([
      'directeur@example.nl Klachtenregister: een termijn is verstreken',
      'sanne@example.nl Klachtenregister: termijn verstreken (1)',
    ]);
    const handlerMail = mailer.sent.find((l) => l.to.address === 'sanne@example.nl');
    expect(handlerMail?.html).toContain('K-2026-0001: reactie over de werkwijze');
    expect(handlerMail?.html).toContain('K-2026-0002: ontvangstbevestiging');
    // R10: the escalation of K-2026-0001 lands with the director, once, in the same mail as the overdue notice.
    const directorMail = mailer.sent.find((l) => l.to.address === 'directeur@example.nl');
    expect(directorMail?.html).toContain('K-2026-0001: aan u voorgelegd');
    expect(mailer.sent.filter((l) => l.html.includes('aan u voorgelegd'))).toHaveLength(1);
    expect(new Set(mailer.sent.map((l) => l.letterId)).size).toBe(mailer.sent.length);
  });

  test('a mail that was not sent gives its notices back; the next run sends them', async () => {
    const { deps, index, mailer } = setup();
    await index.put(openEntry('c1', 'K-2026-0001', 'resolveBy:2026-04-28'));
    mailer.script = [{ kind: 'notSent', retryable: true, code: 'throttled' }];
    expect((await deadlineSweep(deps)).mailsNotSent).toBe(1);
    expect(mailer.sent).toHaveLength(0);
    expect((await deadlineSweep(deps)).mails).toBe(1);
    expect((await deadlineSweep(deps)).mails).toBe(0);
  });

  test('a letter that failed to send is reported to the handler once', async () => {
    const { deps, index, mailer, outbox } = setup();
    await index.put(openEntry('c1', 'K-2026-0001', ''));
    outbox.set('c1', [
      { status: 'sent', kind: 'acknowledgement' },
      { status: 'failed', kind: 'extension' },
    ]);
    await deadlineSweep(deps);
    await deadlineSweep(deps);
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]?.subject).toBe('Klachtenregister: brief niet verzonden');
    expect(mailer.sent[0]?.html).toContain('verlengingsbericht');
  });
});
