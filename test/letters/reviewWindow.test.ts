import { startStack, type Stack } from '../../dev/stack';
import { apiClient, registrationOf } from '../support/api';
import { sample, variant } from '../support/samples';

jest.setTimeout(60_000);

let stack: Stack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startStack({ env: { KR_LETTER_REVIEW_MINUTES: '30' } });
  api = apiClient(stack);
});
afterAll(async () => {
  await stack?.stop();
});

describe('with a review window (KR_LETTER_REVIEW_MINUTES=30)', () => {
  test('the acknowledgement waits, the handler adds a paragraph, and it goes out with it after the window', async () => {
    const start = new Date('2026-11-27T09:00:00Z');
    stack.clock.set(start);
    // Received just now: the window applies only while the acknowledgement deadline is still ahead.
    const email = { ...variant(sample('08-saturday'), 'review'), receivedAt: '2026-11-27T09:55:00+01:00' };
    const created = await api.call<{ id: string }>('POST', '/complaints', { body: registrationOf(email) });
    expect(created.status).toBe(201);
    await stack.host.runTimer('deliverLetters');
    const mine = () =>
      stack.graph.sent().filter((m) => m.headers['x-klachtenregister-letter-id'] === `${created.body.id}:1`);
    expect(mine()).toHaveLength(0);

    const note = await api.call<{ html: string; status: string }>(
      'PUT',
      `/complaints/${created.body.id}/letters/1/note`,
      {
        body: { text: 'Wij bellen u deze week <b>persoonlijk</b>.' },
      },
    );
    expect(note.status).toBe(200);
    expect(note.body.status).toBe('queued');
    expect(note.body.html).toContain('Wij bellen u deze week &lt;b&gt;persoonlijk&lt;/b&gt;.');

    stack.clock.set(new Date(start.getTime() + 31 * 60_000));
    await stack.settleLetters();
    expect(mine()).toHaveLength(1);
    expect(mine()[0]?.html).toContain('Wij bellen u deze week &lt;b&gt;persoonlijk&lt;/b&gt;.');

    const late = await api.call('PUT', `/complaints/${created.body.id}/letters/1/note`, {
      body: { text: 'Te laat' },
    });
    expect(late.status).toBe(409);
    stack.clock.set(null);
  });

  test('the letter list says when a waiting letter goes: the end of its window, or a later retry', async () => {
    const start = new Date('2026-11-27T10:00:00Z');
    stack.clock.set(start);
    const email = { ...variant(sample('08-saturday'), 'sends-at'), receivedAt: '2026-11-27T10:55:00+01:00' };
    const created = await api.call<{ id: string }>('POST', '/complaints', { body: registrationOf(email) });
    expect(created.status).toBe(201);
    const id = created.body.id;
    type Listed = { seq: number; status: string; sendsAt?: string; nextAttemptAt?: string };
    const acknowledgement = async (): Promise<Listed> =>
      (await api.call<{ items: Listed[] }>('GET', `/complaints/${id}/letters`)).body.items[0]!;

    // Queued now, held for the 30 minutes of the window.
    expect(await acknowledgement()).toMatchObject({ status: 'queued', sendsAt: '2026-11-27T10:30:00.000Z' });

    // After the window Graph throttles the complainant's mailbox once: the retry is later than the window.
    const preview = await api.call<{ to: { address: string } }>('GET', `/complaints/${id}/letters/1/preview`);
    stack.graph.throttleRecipient(preview.body.to.address, 1);
    stack.clock.set(new Date('2026-11-27T10:31:00Z'));
    await stack.host.runTimer('deliverLetters');
    const retrying = await acknowledgement();
    expect(retrying.status).toBe('queued');
    expect(retrying.nextAttemptAt).toBeDefined();
    expect(retrying.sendsAt).toBe(retrying.nextAttemptAt);
    expect(Date.parse(retrying.sendsAt!)).toBeGreaterThanOrEqual(Date.parse('2026-11-27T10:31:01Z'));

    // Sent: nothing left to wait for.
    stack.clock.set(new Date(Date.parse(retrying.sendsAt!) + 1_000));
    await stack.settleLetters();
    const sent = await acknowledgement();
    expect(sent.status).toBe('sent');
    expect(sent.sendsAt).toBeUndefined();
    stack.clock.set(null);
  });
});
