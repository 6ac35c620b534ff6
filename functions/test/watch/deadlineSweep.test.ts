import { createWorkingDayCalendar } from '../../../domain/src/workingDayCalendar';
import type { ComplaintDocument } from '../../src/app/complaintDocument';
import type { ComplaintStore } from '../../src/app/ports/complaintStore';
import { deadlineSweep, type SweepDeps } from '../../src/watch/deadlineSweep';
import type { UnreviewedMail } from '../../src/app/ports/mailboxPorts';
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

  test('an outbox is read only where the index counts a failed letter, or on a row from before the count', async () => {
    const { deps, index, mailer, outbox } = setup();
    const reads: string[] = [];
    const listOutbox = deps.complaints.listOutbox.bind(deps.complaints);
    const complaints = {
      ...deps.complaints,
      listOutbox: (q: Parameters<typeof listOutbox>[0]) => {
        if ('complaintId' in q) reads.push(q.complaintId);
        return listOutbox(q);
      },
    } as typeof deps.complaints;
    // c1's acknowledgement merely waits; c2's failed; c3's row was written before failures were counted.
    await index.put({ ...openEntry('c1', 'K-2026-0001', ''), unsentLetters: 1, failedLetters: 0 });
    await index.put({ ...openEntry('c2', 'K-2026-0002', ''), unsentLetters: 1, failedLetters: 1 });
    await index.put({ ...openEntry('c3', 'K-2026-0003', ''), unsentLetters: 1 });
    outbox.set('c1', [{ status: 'queued', kind: 'acknowledgement' }]);
    outbox.set('c2', [{ status: 'failed', kind: 'acknowledgement' }]);
    outbox.set('c3', [{ status: 'failed', kind: 'extension' }]);
    await deadlineSweep({ ...deps, complaints });
    expect(reads.sort()).toEqual(['c2', 'c3']);
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]?.html).toContain('K-2026-0002');
    expect(mailer.sent[0]?.html).toContain('K-2026-0003');
  });

  test('an e-mail unreviewed for 3 working days is told once to each handler, without its sender or subject', async () => {
    const { deps, index, mailer, clock } = setup();
    await index.put(openEntry('c1', 'K-2026-0001', ''));
    await index.put({
      ...openEntry('c2', 'K-2026-0002', ''),
      handlerAddress: 'piet@example.nl',
      handlerName: 'Piet',
    });
    const unreviewed: UnreviewedMail[] = [
      {
        key: 'a'.repeat(64),
        graphId: 'g1',
        internetMessageId: '<1@example.org>',
        conversationId: 'conv-1',
        from: { name: 'Jan Klager', address: 'jan@example.org' },
        subject: 'Mijn klacht over de factuur',
        // Friday 24 April 2026 (Amsterdam); Koningsdag (Monday 27th) is no working day.
        receivedAt: '2026-04-24T09:00:00Z',
      },
    ];
    const sweep = (at: string) => {
      clock.at = new Date(at);
      return deadlineSweep({ ...deps, mailbox: { listUnreviewed: async () => unreviewed } });
    };
    // Tuesday 28th and Wednesday 29th: 1 and 2 working days.
    await sweep('2026-04-28T10:00:00Z');
    await sweep('2026-04-29T21:00:00Z');
    expect(mailer.sent).toHaveLength(0);
    // Thursday 30th: 3 working days after receipt.
    await sweep('2026-04-30T07:00:00Z');
    await sweep('2026-04-30T08:00:00Z');
    await sweep('2026-05-04T08:00:00Z');
    expect(mailer.sent.map((m) => m.to.address).sort()).toEqual(['piet@example.nl', 'sanne@example.nl']);
    for (const mail of mailer.sent) {
      expect(mail.subject).toBe('Klachtenregister: een e-mail is nog niet beoordeeld');
      expect(mail.html).toContain('Een e-mail van vrijdag 24 april 2026');
      expect(mail.html).toContain('https://addin.example/taskpane.html');
      expect(mail.html).not.toContain('factuur');
      expect(mail.html).not.toContain('Jan');
      expect(mail.html).not.toContain('jan@example.org');
    }
  });

  test('with no complaint open the director hears of an unreviewed e-mail; a mail not sent is tried again', async () => {
    const { deps, mailer, clock } = setup();
    const mailbox = {
      listUnreviewed: async (): Promise<UnreviewedMail[]> => [
        {
          key: 'b'.repeat(64),
          graphId: 'g2',
          internetMessageId: '<2@example.org>',
          conversationId: 'conv-2',
          from: { name: 'X', address: 'x@example.org' },
          subject: 'Vraag',
          receivedAt: '2026-04-20T09:00:00Z',
        },
      ],
    };
    clock.at = new Date('2026-04-23T08:00:00Z');
    mailer.script = [{ kind: 'notSent', retryable: true, code: 'throttled' }];
    expect((await deadlineSweep({ ...deps, mailbox })).mailsNotSent).toBe(1);
    expect((await deadlineSweep({ ...deps, mailbox })).mails).toBe(1);
    expect((await deadlineSweep({ ...deps, mailbox })).mails).toBe(0);
    expect(mailer.sent.map((m) => m.to.address)).toEqual(['directeur@example.nl']);
  });
});
