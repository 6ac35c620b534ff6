import type { ComplaintSummary, ComplaintView } from '../../domain/src/api/complaintView';
import { startStack, type Stack } from '../../dev/stack';
import { mapLimit } from '../../functions/src/common/boundedConcurrency';
import { apiClient, registrationOf } from '../support/api';
import { sample, variant } from '../support/samples';

jest.setTimeout(180_000);

let stack: Stack;
let api: ReturnType<typeof apiClient>;

interface Page {
  items: ComplaintSummary[];
  continuationToken?: string;
}

beforeAll(async () => {
  // Letters wait in their review window: the register is about the rows, not about Graph.
  stack = await startStack({ env: { KR_LETTER_REVIEW_MINUTES: '1440' } });
  api = apiClient(stack);
});
afterAll(async () => {
  await stack?.stop();
});

async function register(
  n: string,
  changes: { subject?: string; from?: { name: string; address: string }; receivedAt?: string } = {},
): Promise<ComplaintView> {
  const res = await api.call<{ view: ComplaintView }>('POST', '/complaints', {
    body: registrationOf({ ...variant(sample('01-ordinary'), n), ...changes }),
  });
  expect(res.status).toBe(201);
  return res.body.view;
}

const search = (query: string, role: 'Klachtbehandelaar' | 'Directeur' | 'Medewerker' = 'Directeur') =>
  api.call<Page>('GET', `/complaints?q=${encodeURIComponent(query)}`, { role });

/** The view's earliest deadline still waiting: what the register row shows as the next one. */
function nextOf(view: ComplaintView): { key: string; date: string } | undefined {
  const waiting = Object.entries(view.deadlineOutcomes)
    .filter(([, o]) => o.outcome === 'pending' || o.outcome === 'overdue')
    .map(([key]) => ({ key, date: String(view.deadlines[key as keyof ComplaintView['deadlines']]) }))
    .sort((a, b) => a.date.localeCompare(b.date));
  return waiting[0];
}

const numbersOf = (page: Page): string[] => page.items.map((i) => i.number);

async function step(view: ComplaintView, body: Record<string, unknown>): Promise<ComplaintView> {
  const res = await api.call<ComplaintView>('POST', `/complaints/${view.id}/steps`, {
    body,
    headers: { 'if-match': view.etag },
  });
  if (res.status !== 200) throw new Error(`${String(body['type'])}: ${res.status}`);
  return res.body;
}

describe('the register: search', () => {
  let zoe: ComplaintView;
  let other: ComplaintView;

  beforeAll(async () => {
    zoe = await register('zoe', {
      subject: 'Klacht over de verwarming in lokaal drie',
      from: { name: 'Zoë Ünal-Ørsted', address: 'zoe.unal@klant-voorbeeld.nl' },
    });
    other = await register('other', {
      subject: 'Klacht over de verlichting in de gang',
      from: { name: 'Jan Verwey', address: 'jan.verwey@elders.nl' },
    });
  });

  test.each([
    ['the name without accents', 'zoe unal orsted'],
    ['the name in capitals with accents', 'ÜNAL'],
    ['the start of a name', 'Örs'],
    ['the address', 'zoe.unal@klant-voorbeeld.nl'],
    ['a subject word', 'verwarming'],
    ['the start of a subject word and another word', 'verwarm lokaal'],
  ])('finds a complaint by %s', async (_what, query) => {
    const res = await search(query);
    expect(res.status).toBe(200);
    expect(numbersOf(res.body)).toEqual([zoe.number]);
    expect(res.body.items[0]?.listing).toMatchObject({
      complainantName: 'Zoë Ünal-Ørsted',
      complainantAddress: 'zoe.unal@klant-voorbeeld.nl',
      handlerName: 'Sanne Bakker',
      subject: 'Klacht over de verwarming in lokaal drie',
      receivedOn: zoe.receivedOn,
      nextDeadline: nextOf(zoe),
    });
  });

  test('a word both complaints share finds both; words must all match', async () => {
    expect(numbersOf((await search('klacht over de')).body).sort()).toEqual(
      [zoe.number, other.number].sort(),
    );
    expect(numbersOf((await search('verwarming gang')).body)).toEqual([]);
  });

  test('finds a complaint by its number, whole or in part', async () => {
    const [, year, seq] = /^K-(\d{4})-(\d{4})$/.exec(zoe.number) ?? [];
    const short = String(Number(seq));
    for (const query of [zoe.number, zoe.number.toLowerCase(), `${year}-${short}`, `${year}-${seq}`, short]) {
      const res = await search(query);
      expect({ query, numbers: numbersOf(res.body) }).toEqual({ query, numbers: [zoe.number] });
    }
    expect(numbersOf((await search(`${Number(year) - 1}-${short}`)).body)).toEqual([]);
  });

  test('a Medewerker gets no search hits: 403', async () => {
    const res = await search('verwarming', 'Medewerker');
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.body)).not.toContain('Zoë');
  });

  test('an empty or one-letter query is refused with a Dutch message', async () => {
    const res = await api.call<{ errors: { field: string; message: string }[] }>('GET', '/complaints?q=a');
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'q' });
  });
});

describe('the register: most urgent first', () => {
  test('over 120 open complaints and more than one page, the most urgent is first on page 1; closing takes a complaint out', async () => {
    // Registered in an order unrelated to urgency: the earliest receipt (most urgent) goes in last.
    const days = Array.from({ length: 120 }, (_, i) => 119 - i);
    const views = await mapLimit(days, 6, (d) =>
      register(`urgent-${d}`, {
        receivedAt: new Date(Date.UTC(2026, 0, 5, 9) + d * 86_400_000).toISOString(),
      }),
    );
    const mostUrgent = views[views.length - 1] as ComplaintView;
    // Registered six at a time: acknowledgements of a burst are left to the outbox timer. Run it, so every
    // complaint's next deadline is the one after its acknowledgement, as it is a minute later in production.
    await stack.settleLetters();

    const pages: Page[] = [];
    let token: string | undefined;
    do {
      const res = await api.call<Page>(
        'GET',
        `/complaints?sort=urgency&pageSize=50${token ? `&continuationToken=${encodeURIComponent(token)}` : ''}`,
      );
      expect(res.status).toBe(200);
      pages.push(res.body);
      token = res.body.continuationToken;
    } while (token);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]?.items[0]?.id).toBe(mostUrgent.id);
    const all = pages.flatMap((p) => p.items);
    const dates = all.map((i) => i.listing?.nextDeadline?.date ?? '9999-12-31');
    expect(dates).toEqual([...dates].sort());
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    for (const v of views) expect(all.some((i) => i.id === v.id)).toBe(true);
    expect(all.every((i) => i.status === 'open')).toBe(true);

    expect(pages[0]?.items[0]?.listing?.nextDeadline).toEqual({ ...nextOf(mostUrgent), overdue: true });

    // A proposed solution ends the outcome deadline: with nothing pending, the complaint goes to the end.
    let c = await step(mostUrgent, { type: 'decisionTaken', summary: 'Besluit' });
    c = await step(c, { type: 'solutionProposed', solution: 'Oplossing' });
    expect(nextOf(c)).toBeUndefined();
    const reordered = await api.call<Page>('GET', '/complaints?sort=urgency&pageSize=200');
    expect(reordered.body.items.at(-1)).toMatchObject({ id: c.id, listing: { subject: mostUrgent.subject } });
    expect(reordered.body.items.at(-1)?.listing?.nextDeadline).toBeUndefined();
    expect(reordered.body.items[0]?.id).not.toBe(c.id);

    // Closing takes it out of the urgency order; the search still finds it, as closed.
    c = await step(c, { type: 'agreementRecorded', agreed: true });
    c = await step(c, { type: 'closed' });
    expect(c.status).toBe('closed');
    const after = [];
    token = undefined;
    do {
      const res: { body: Page } = await api.call<Page>(
        'GET',
        `/complaints?sort=urgency&pageSize=200${token ? `&continuationToken=${encodeURIComponent(token)}` : ''}`,
      );
      after.push(...res.body.items);
      token = res.body.continuationToken;
    } while (token);
    expect(after.some((i) => i.id === c.id)).toBe(false);
    const found = await search(c.number);
    expect(found.body.items).toEqual([expect.objectContaining({ id: c.id, status: 'closed' })]);
    expect((await api.call<Page>('GET', `/complaints?q=${c.number}&status=open`)).body.items).toEqual([]);
  });

  test('a Medewerker may not read the urgency order', async () => {
    const res = await api.call('GET', '/complaints?sort=urgency', { role: 'Medewerker' });
    expect(res.status).toBe(403);
  });
});
