import type { ComplaintView } from '../../domain/src/api/complaintView';
import { startStack, type Stack } from '../../dev/stack';
import { apiClient, registrationOf } from '../support/api';
import { sample, variant } from '../support/samples';

jest.setTimeout(120_000);

let stack: Stack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startStack();
  api = apiClient(stack);
});
afterAll(async () => {
  await stack?.stop();
});

interface Problem {
  type: string;
  title: string;
  errors?: { field: string; message: string }[];
}

async function register(id: string, n: number | string = id): Promise<ComplaintView> {
  const res = await api.call<{ view: ComplaintView }>('POST', '/complaints', {
    body: registrationOf(variant(sample(id), n)),
  });
  expect(res.status).toBe(201);
  // The acknowledgement goes out in the background; wait for it so each test starts from a settled complaint.
  await stack.settleLetters();
  return (await api.call<ComplaintView>('GET', `/complaints/${res.body.view.id}`)).body;
}

/** Records a step on the complaint's current version; expects success and returns the new view. */
async function step(view: ComplaintView, body: Record<string, unknown>): Promise<ComplaintView> {
  const res = await api.call<ComplaintView & Problem>('POST', `/complaints/${view.id}/steps`, {
    body,
    headers: { 'if-match': view.etag },
  });
  if (res.status !== 200) throw new Error(`${String(body['type'])}: ${res.status} ${res.body.title}`);
  expect(res.headers.get('etag')).toBe(res.body.etag);
  return res.body;
}

async function refused(view: ComplaintView, body: Record<string, unknown>, status = 409): Promise<Problem> {
  const res = await api.call<Problem>('POST', `/complaints/${view.id}/steps`, {
    body,
    headers: { 'if-match': view.etag },
  });
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return res.body;
}

describe('recording the procedure through POST /api/complaints/{id}/steps', () => {
  test('a complaint walked from registration through extension, escalation and a third party to a binding ruling', async () => {
    let c = await register('01-ordinary', 'full');
    // The acknowledgement went out through Graph at registration: that is the R4 step, not a click.
    expect(c.allowedSteps).not.toContain('acknowledged');
    // Received 2 March 2026 and acknowledged only now: the deadline (9 March) counts as missed, not pending.
    expect(c.deadlineOutcomes.acknowledgeBy).toMatchObject({ outcome: 'missed' });
    expect(c.deadlineOutcomes.resolveBy).toMatchObject({ outcome: 'overdue' });
    c = await step(c, { type: 'informationRequested', on: '2026-03-04', note: 'Factuurnummers opgevraagd' });
    c = await step(c, { type: 'meetingScheduled', on: '2026-03-05', meetingOn: '2026-03-12' });
    c = await step(c, {
      type: 'extensionDetermined',
      on: '2026-03-30',
      reason: 'Wachten op de boekhouding',
      expectedBy: '2026-05-29',
    });
    // R8: notice within 2 working days of the determination; the new resolveBy is the expected date.
    expect(c.deadlines).toMatchObject({ resolveBy: '2026-05-29', extensionNoticeBy: '2026-04-01' });
    c = await step(c, { type: 'escalated', on: '2026-04-02', reason: 'Geen oplossing binnen de afdeling' });
    // R10: one month after the escalation (2 May 2026 is a Saturday → Monday 4 May).
    expect(c.deadlines.escalationResponseBy).toBe('2026-05-04');
    c = await step(c, { type: 'escalationResponded', on: '2026-04-20' });
    c = await step(c, {
      type: 'decisionTaken',
      on: '2026-04-21',
      summary: 'Tweede factuur wordt gecrediteerd',
    });
    c = await step(c, {
      type: 'solutionProposed',
      on: '2026-04-22',
      solution: 'Creditnota voor factuur 0319',
    });
    c = await step(c, { type: 'agreementRecorded', on: '2026-04-24', agreed: false });
    c = await step(c, { type: 'clarificationMeetingScheduled', on: '2026-04-24', meetingOn: '2026-04-30' });
    c = await step(c, { type: 'referredToThirdParty', on: '2026-05-06' });
    expect(c.status).toBe('open');
    c = await step(c, { type: 'bindingRuling', on: '2026-06-15', outcome: 'Creditnota en excuses' });
    expect(c.status).toBe('closed');
    expect(c.deadlines.retainUntil).toBeDefined();
    // After closing only the root-cause record and informing the complainant remain (R14); a cause comes first.
    expect(c.allowedSteps).toEqual(['causeAnalysed']);
    c = await step(c, {
      type: 'causeAnalysed',
      on: '2026-06-16',
      category: 'facturering',
      text: 'Dubbele run van de facturatie',
    });
    c = await step(c, {
      type: 'measureRecorded',
      on: '2026-06-16',
      description: 'Controle op dubbele facturen',
      owner: 'Financiën',
      dueOn: '2026-07-01',
    });
    c = await step(c, { type: 'complainantInformed', on: '2026-06-17' });
    const problem = await refused(c, { type: 'informationRequested', on: '2026-06-18' });
    expect(problem.title.length).toBeGreaterThan(10);

    expect(c.timeline.map((t) => t.type)).toEqual([
      'registered',
      'informationRequested',
      'meetingScheduled',
      'extensionDetermined',
      'escalated',
      'escalationResponded',
      'decisionTaken',
      'solutionProposed',
      'agreementRecorded',
      'clarificationMeetingScheduled',
      'referredToThirdParty',
      'bindingRuling',
      'causeAnalysed',
      'measureRecorded',
      'complainantInformed',
    ]);
    expect(new Set(c.timeline.map((t) => t.by))).toEqual(new Set(['Sanne Bakker']));
  });

  test('closing needs the R11 fields: refused without a solution, allowed once the register is complete', async () => {
    let c = await register('02-koningsdag', 'close');
    const problem = await refused(c, { type: 'closed' });
    expect(problem.type).toMatch(/problem:/);
    c = await step(c, { type: 'decisionTaken', summary: 'Docent aangesproken' });
    c = await step(c, { type: 'solutionProposed', solution: 'Gratis inhaalmiddag' });
    c = await step(c, { type: 'agreementRecorded', agreed: true });
    c = await step(c, { type: 'closed' });
    expect(c.status).toBe('closed');
    expect(c.register).toMatchObject({
      oplossing: 'Gratis inhaalmiddag',
      naamKlager: 'Ruud Hendriks',
      verantwoordelijke: 'Sanne Bakker',
    });
  });

  test('a third-party referral is refused before "niet akkoord"', async () => {
    const c = await register('08-saturday', 'third');
    await refused(c, { type: 'referredToThirdParty' });
  });

  test('stale ETag → 412, missing If-Match → 428, and nothing changes', async () => {
    const c = await register('03-late', 'etag');
    const next = await step(c, { type: 'informationRequested' });
    const stale = await refused(c, { type: 'informationRequested' }, 412);
    expect(stale.title).toMatch(/intussen gewijzigd/);
    const missing = await api.call<Problem>('POST', `/complaints/${c.id}/steps`, {
      body: { type: 'informationRequested' },
    });
    expect(missing.status).toBe(428);
    const now = await api.call<ComplaintView>('GET', `/complaints/${c.id}`);
    expect(now.body.etag).toBe(next.etag);
    expect(now.body.timeline).toHaveLength(2);
  });

  test('invalid steps answer 400 with field errors', async () => {
    const c = await register('08-saturday', 'invalid');
    const unknown = await refused(c, { type: 'opgelost' }, 400);
    expect(unknown.title).toMatch(/Onbekende stap/);
    const badDate = await refused(c, { type: 'meetingScheduled', meetingOn: '2026-02-30' }, 400);
    expect(badDate.errors?.map((e) => e.field)).toEqual(['meetingOn']);
    const extra = await refused(c, { type: 'acknowledged', sneaky: true }, 400);
    expect(extra.errors?.[0]?.message).toMatch(/sneaky/);
  });

  test('only handlers record steps; a Medewerker gets 403', async () => {
    const c = await register('05-hostile', 'roles');
    const res = await api.call('POST', `/complaints/${c.id}/steps`, {
      role: 'Medewerker',
      body: { type: 'acknowledged' },
      headers: { 'if-match': c.etag },
    });
    expect(res.status).toBe(403);
  });
});

describe('reading the register', () => {
  test('the stored original attachment comes back byte for byte', async () => {
    const s = sample('01-ordinary');
    const c = await register('01-ordinary', 'attachment');
    const first = s.attachments[0];
    if (!first) throw new Error('sample without attachment');
    const res = await fetch(
      `${stack.urls.api}/complaints/${c.id}/attachments/${encodeURIComponent(first.name)}`,
      {
        headers: {
          authorization: `Bearer ${await stack.tokens.issue({ role: 'Klachtbehandelaar', name: 'S', address: 's@x.nl' })}`,
        },
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(first.name);
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(first.contentBase64, 'base64'))).toBe(
      true,
    );
    const missing = await api.call('GET', `/complaints/${c.id}/attachments/geheim.pdf`);
    expect(missing.status).toBe(404);
  });

  test('the audit trail records reads and steps, and only the director may see it', async () => {
    const c = await register('07-forwarded', 'audit');
    await api.call('GET', `/complaints/${c.id}`);
    await step(c, { type: 'informationRequested' });
    expect((await api.call('GET', `/complaints/${c.id}/audit`)).status).toBe(403);
    const trail = await api.call<{ items: { action: string; actorName: string; at: string }[] }>(
      'GET',
      `/complaints/${c.id}/audit`,
      {
        role: 'Directeur',
      },
    );
    expect(trail.status).toBe(200);
    const actions = trail.body.items.map((i) => i.action);
    expect(actions).toEqual(expect.arrayContaining(['registered', 'read', 'step:informationRequested']));
    expect(JSON.stringify(trail.body)).not.toContain('noor.visser');
  });

  test('R12: after the first complaint is decided, the repeat lists it as a candidate', async () => {
    let first = await register('01-ordinary', 'r12-first');
    first = await step(first, { type: 'decisionTaken', summary: 'Tweede factuur ingetrokken' });
    const repeat = await register('04-repeat', 'r12-repeat');
    const similar = await api.call<{ items: { number: string; matchedOn: string[] }[] }>(
      'GET',
      `/complaints/${repeat.id}/similar`,
    );
    expect(similar.status).toBe(200);
    expect(similar.body.items.map((i) => i.number)).toContain(first.number);
    const unrelated = await register('08-saturday', 'r12-unrelated');
    const none = await api.call<{ items: unknown[] }>('GET', `/complaints/${unrelated.id}/similar`);
    expect(none.body.items).toEqual([]);
  });

  test('the register lists with filters and pages with a continuation token', async () => {
    const mine = await register('02-koningsdag', 'list-mine');
    const byOther = await api.call<{ view: ComplaintView }>('POST', '/complaints', {
      role: 'Directeur',
      body: registrationOf(variant(sample('03-late'), 'list-other')),
    });
    const open = await api.call<{ items: { id: string; status: string }[] }>(
      'GET',
      '/complaints?status=open&pageSize=200',
    );
    expect(open.body.items.every((i) => i.status === 'open')).toBe(true);
    const ids = open.body.items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([mine.id, byOther.body.view.id]));

    const me = await api.call<{ items: { id: string }[] }>('GET', '/complaints?handler=me&pageSize=200');
    expect(me.body.items.map((i) => i.id)).toContain(mine.id);
    expect(me.body.items.map((i) => i.id)).not.toContain(byOther.body.view.id);

    // Received in April/May 2026: acknowledgement long overdue today.
    const overdue = await api.call<{ items: { id: string }[] }>(
      'GET',
      '/complaints?overdue=true&pageSize=200',
    );
    expect(overdue.body.items.map((i) => i.id)).toContain(mine.id);

    const seen = new Set<string>();
    let token: string | undefined;
    let pages = 0;
    do {
      const page: { body: { items: { id: string }[]; continuationToken?: string } } = await api.call(
        'GET',
        `/complaints?pageSize=2${token ? `&continuationToken=${encodeURIComponent(token)}` : ''}`,
      );
      page.body.items.forEach((i) => seen.add(i.id));
      token = page.body.continuationToken;
      pages++;
    } while (token && pages < 100);
    expect(pages).toBeGreaterThan(1);
    expect(seen.size).toBe(
      new Set(ids).size +
        (await api.call<{ items: unknown[] }>('GET', '/complaints?status=closed&pageSize=200')).body.items
          .length,
    );

    const bad = await api.call<Problem>('GET', '/complaints?status=half&year=26');
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field).sort()).toEqual(['status', 'year']);
    expect((await api.call('GET', '/complaints?status=open', { role: 'Medewerker' })).status).toBe(403);
  });
});
