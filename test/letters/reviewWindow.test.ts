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
});
