import type { ComplaintView } from '../../domain/src/api/complaintView';
import { startStack, type Stack } from '../../dev/stack';
import { apiClient, registrationOf, type Role } from '../support/api';
import { sample, variant } from '../support/samples';

jest.setTimeout(180_000);

let stack: Stack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startStack();
  api = apiClient(stack);
});
afterAll(async () => {
  stack?.clock.set(null);
  await stack?.stop();
});

interface Problem {
  type: string;
  title: string;
  errors?: { field: string; message: string }[];
}
interface MailboxItem {
  to: string[];
  subject: string;
  html?: string;
  headers: Record<string, string>;
}
interface CheckAnswer {
  late: boolean;
  similar: { number: string; id: string }[];
  related: { number: string; id: string; status: string }[];
}

const header = 'x-klachtenregister-letter-id';
const director = 'w.degraaf@lagant-voorbeeld.nl';

const at = (instant: string): void => stack.clock.set(new Date(instant));

async function mailbox(): Promise<MailboxItem[]> {
  return (await (await fetch(`${stack.urls.functions}/dev/mailbox`)).json()) as MailboxItem[];
}
/** The letters and notices of one complaint (their ids start with the complaint's id). */
const mailOf = async (id: string): Promise<MailboxItem[]> =>
  (await mailbox()).filter((m) => m.headers[header]?.startsWith(`${id}:`));

async function register(
  body: Record<string, unknown>,
  role: Role = 'Klachtbehandelaar',
): Promise<ComplaintView> {
  const res = await api.call<{ view: ComplaintView } & Problem>('POST', '/complaints', { body, role });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${res.body.title}`);
  await stack.settleLetters();
  return (await api.call<ComplaintView>('GET', `/complaints/${res.body.view.id}`)).body;
}

async function step(view: ComplaintView, body: Record<string, unknown>, role: Role = 'Klachtbehandelaar') {
  const res = await api.call<ComplaintView & Problem>('POST', `/complaints/${view.id}/steps`, {
    body,
    role,
    headers: { 'if-match': view.etag },
  });
  if (res.status !== 200) throw new Error(`${String(body['type'])}: ${res.status} ${res.body.title}`);
  await stack.settleLetters();
  return res.body;
}

async function refusedStep(view: ComplaintView, body: Record<string, unknown>): Promise<Problem> {
  const res = await api.call<Problem>('POST', `/complaints/${view.id}/steps`, {
    body,
    headers: { 'if-match': view.etag },
  });
  expect(res.status).toBe(409);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return res.body;
}

const ordinary = (n: string) => registrationOf(variant(sample('01-ordinary'), n));

describe('admissibility before the first letter', () => {
  let earlier: ComplaintView;

  beforeAll(async () => {
    at('2026-03-02T10:00:00+01:00');
    earlier = await register(ordinary('adm-earlier'));
    at('2026-03-05T10:00:00+01:00');
    earlier = await step(earlier, { type: 'decisionTaken', summary: 'Tweede factuur vervalt.' });
    at('2026-06-15T10:00:00+02:00');
  });

  test('the dry run answers late, similar and related, and stores nothing', async () => {
    const repeatBody = registrationOf(variant(sample('04-repeat'), 'adm-dry'));
    const res = await api.call<CheckAnswer>('POST', '/complaints/check', { body: repeatBody });
    expect(res.status).toBe(200);
    expect(res.body.late).toBe(false);
    expect(res.body.related.map((r) => r.number)).toContain(earlier.number);
    expect(res.body.similar.map((r) => r.number)).toContain(earlier.number);

    const messageId = (repeatBody.message as { internetMessageId: string }).internetMessageId;
    const found = await api.call<{ items: unknown[] }>(
      'GET',
      `/complaints?internetMessageId=${encodeURIComponent(messageId)}`,
    );
    expect(found.body.items).toEqual([]);

    const late = await api.call<CheckAnswer>('POST', '/complaints/check', {
      body: { ...registrationOf(variant(sample('03-late'), 'adm-dry-late')), issueAroseOn: '2026-04-10' },
    });
    expect(late.body).toMatchObject({ late: true, similar: [], related: [] });

    const employee = await api.call<Problem>('POST', '/complaints/check', {
      body: repeatBody,
      role: 'Medewerker',
    });
    expect(employee.status).toBe(403);
  });

  test('registered as a repeat: exactly one letter, the inadmissibility letter', async () => {
    const c = await register({
      ...registrationOf(variant(sample('04-repeat'), 'adm-repeat')),
      admissibility: { decision: 'inadmissible', ground: 'repeat', relatedComplaint: earlier.number },
    });
    expect(c.status).toBe('closed');
    expect(c.register['oplossing']).toContain(earlier.number);
    // "Omschrijving" starts as the subject without "RE:".
    expect(c.description).toBe('Klacht over dubbele factuur cursus Projectmatig Werken');
    const sent = await mailOf(c.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.subject).toContain(`[${c.number}]`);
    expect(sent[0]?.html).toContain('niet opnieuw in behandeling');
    expect(sent[0]?.html).not.toContain('Ontvangstbevestiging');
    // The letter that went out is the complainant's answer: nothing left to acknowledge.
    expect(c.deadlineOutcomes['acknowledgeBy']?.outcome).toBe('met');
  });

  test('registered as late: exactly one letter, the inadmissibility letter', async () => {
    at('2026-05-20T12:00:00+02:00');
    const c = await register({
      ...registrationOf(variant(sample('03-late'), 'adm-late')),
      issueAroseOn: '2026-04-10',
      admissibility: { decision: 'inadmissible', ground: 'late' },
    });
    expect(c.status).toBe('closed');
    const sent = await mailOf(c.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.html).toContain('binnen twee weken');
  });

  test.each([
    [
      'an unknown earlier complaint',
      { ground: 'repeat', relatedComplaint: 'K-2026-0999' },
      'admissibility.relatedComplaint',
    ],
    ['a repeat without the earlier complaint', { ground: 'repeat' }, 'admissibility.relatedComplaint'],
    ['late without "ontstaan op"', { ground: 'late' }, 'issueAroseOn'],
  ])('refused: %s; nothing is stored and nothing is sent', async (_label, decision, field) => {
    at('2026-06-15T10:00:00+02:00');
    const body = {
      ...registrationOf(
        variant(sample('04-repeat'), `adm-bad-${field}-${String(decision.ground)}-${_label.length}`),
      ),
      admissibility: { decision: 'inadmissible', ...decision },
    };
    const res = await api.call<Problem>('POST', '/complaints', { body });
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.field)).toContain(field);
    expect(res.body.title).not.toMatch(/\bR\d{1,2}\b/);
    const messageId = (body.message as { internetMessageId: string }).internetMessageId;
    const found = await api.call<{ items: unknown[] }>(
      'GET',
      `/complaints?internetMessageId=${encodeURIComponent(messageId)}`,
    );
    expect(found.body.items).toEqual([]);
  });

  test("a repeat of another complainant's complaint is refused", async () => {
    at('2026-05-20T12:00:00+02:00');
    const other = await register(registrationOf(variant(sample('03-late'), 'adm-other')));
    at('2026-06-15T10:00:00+02:00');
    const res = await api.call<Problem>('POST', '/complaints', {
      body: {
        ...registrationOf(variant(sample('04-repeat'), 'adm-not-theirs')),
        admissibility: { decision: 'inadmissible', ground: 'repeat', relatedComplaint: other.number },
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.title).toContain('geen eerdere klacht van deze klager');
  });
});

describe('closing follows the procedure', () => {
  test('no reaction: 409 in Dutch within the reaction period; afterwards a closing letter with the third party; then the third party reopens it', async () => {
    at('2026-03-02T10:00:00+01:00');
    let c = await register(ordinary('close-none'));
    at('2026-03-10T10:00:00+01:00');
    c = await step(c, { type: 'decisionTaken', summary: 'Tweede factuur vervalt.' });
    c = await step(c, { type: 'solutionProposed', solution: 'Creditnota voor de tweede factuur.' });
    expect(c.allowedSteps).not.toContain('closed');
    const problem = await refusedStep(c, { type: 'closed' });
    expect(problem.title).toContain('nog niet gereageerd');
    expect(problem.title).not.toMatch(/\bR\d{1,2}\b/);

    // 10 March + 10 working days = 24 March; from 25 March it may be closed without agreement.
    at('2026-03-25T10:00:00+01:00');
    c = (await api.call<ComplaintView>('GET', `/complaints/${c.id}`)).body;
    expect(c.allowedSteps).toContain('closed');
    c = await step(c, { type: 'closed' });
    expect(c.status).toBe('closed');
    expect(c.register['overeenstemming']).toBe('geen overeenstemming');
    const closing = (await mailOf(c.id)).filter((m) => m.html?.includes('Wij sluiten uw klacht af'));
    expect(closing).toHaveLength(1);
    expect(closing[0]?.html).toContain('geschillen@onafhankelijk-voorbeeld.nl');
    expect(closing[0]?.subject).toContain(`[${c.number}]`);
    // The retention date is no deadline to act on, but the complaint still knows it.
    expect(c.deadlines['retainUntil']).toBeDefined();

    at('2026-04-01T10:00:00+02:00');
    expect(c.allowedSteps).toContain('referredToThirdParty');
    c = await step(c, { type: 'referredToThirdParty' });
    expect(c.status).toBe('open');
    expect(c.allowedSteps).toContain('bindingRuling');
    expect((await mailOf(c.id)).some((m) => m.html?.includes('onafhankelijke derde:'))).toBe(true);

    at('2026-04-20T10:00:00+02:00');
    c = await step(c, { type: 'bindingRuling', on: '2026-04-20', outcome: 'Volledige terugbetaling.' });
    expect(c.status).toBe('closed');
    expect(c.register['oplossing']).toContain('Volledige terugbetaling.');
    expect((await mailOf(c.id)).some((m) => m.html?.includes('De bindende uitspraak over uw klacht'))).toBe(
      true,
    );
  });

  test('niet akkoord: refused until the clarification meeting has taken place', async () => {
    at('2026-03-02T10:00:00+01:00');
    let c = await register(ordinary('close-clarify'));
    at('2026-03-10T10:00:00+01:00');
    c = await step(c, { type: 'decisionTaken', summary: 'Geen restitutie.' });
    c = await step(c, { type: 'solutionProposed', solution: 'Een tegoedbon.' });
    c = await step(c, { type: 'agreementRecorded', agreed: false });
    c = await step(c, { type: 'clarificationMeetingScheduled', meetingOn: '2026-03-16', viaLetter: true });
    expect((await mailOf(c.id)).some((m) => m.html?.includes('verduidelijkingsgesprek'))).toBe(true);
    at('2026-03-16T10:00:00+01:00');
    c = (await api.call<ComplaintView>('GET', `/complaints/${c.id}`)).body;
    expect((await refusedStep(c, { type: 'closed' })).title).toContain('verduidelijkingsafspraak');
    at('2026-03-17T10:00:00+01:00');
    c = await step(c, { type: 'closed' });
    expect(c.register['overeenstemming']).toBe('niet akkoord (geen overeenstemming)');
  });
});

describe('steps that act and people who are told', () => {
  test('escalation mails the director at once, exactly once (the sweep stays silent); the director lists it', async () => {
    at('2026-03-02T10:00:00+01:00');
    let c = await register(ordinary('escalate'));
    at('2026-03-04T10:00:00+01:00');
    c = await step(c, { type: 'escalated', on: '2026-03-04', reason: 'Bedrag boven mandaat.' });
    const toDirector = async () =>
      (await mailbox()).filter((m) => m.to.includes(director) && (m.html ?? '').includes(c.number));
    const first = await toDirector();
    expect(first).toHaveLength(1);
    expect(first[0]?.subject).toContain('aan u voorgelegd');
    expect(first[0]?.html).toContain(`?complaint=${c.id}`);
    expect(first[0]?.html).not.toContain('Bedrag boven mandaat');
    expect(first[0]?.html).not.toMatch(/\bR\d{1,2}\b/);

    await stack.host.runTimer('deadlineSweep');
    await stack.host.runTimer('deadlineSweep');
    expect(await toDirector()).toHaveLength(1);

    const list = await api.call<{ items: { id: string; number: string; respondBy: string }[] }>(
      'GET',
      '/director/escalations',
      { role: 'Directeur' },
    );
    expect(list.status).toBe(200);
    // 4 March + 1 month = Saturday 4 April; Monday 6 April is Easter Monday: Tuesday 7 April.
    expect(list.body.items).toContainEqual(expect.objectContaining({ id: c.id, respondBy: '2026-04-07' }));
    expect((await api.call('GET', '/director/escalations')).status).toBe(403);

    c = await step(
      c,
      { type: 'escalationResponded', note: 'De directeur behandelt uw klacht zelf.' },
      'Directeur',
    );
    const reply = (await mailOf(c.id)).filter((m) => m.html?.includes('Hoe wij uw klacht verder afhandelen'));
    expect(reply).toHaveLength(1);
    expect(reply[0]?.html).toContain('De directeur behandelt uw klacht zelf.');
    const after = await api.call<{ items: { id: string }[] }>('GET', '/director/escalations', {
      role: 'Directeur',
    });
    expect(after.body.items.map((i) => i.id)).not.toContain(c.id);
  });

  test('reassignment mails the new handler; information by letter; klager geïnformeerd sends causes and measures', async () => {
    at('2026-03-02T10:00:00+01:00');
    let c = await register(ordinary('act'));
    at('2026-03-03T10:00:00+01:00');
    const colleague = { name: 'Eva Jansen', address: 'eva.jansen@lagant-voorbeeld.nl' };
    c = await step(c, { type: 'reassigned', handler: colleague });
    expect(
      (await mailbox()).filter((m) => m.to.includes(colleague.address) && m.subject.includes(c.number)),
    ).toHaveLength(1);

    c = await step(c, { type: 'informationRequested', note: 'Welke factuur is dubbel?', viaLetter: true });
    const asked = (await mailOf(c.id)).filter((m) => m.html?.includes('Welke factuur is dubbel?'));
    expect(asked).toHaveLength(1);

    c = await step(c, { type: 'decisionTaken', summary: 'Tweede factuur vervalt.' });
    c = await step(c, { type: 'solutionProposed', solution: 'Creditnota.' });
    c = await step(c, { type: 'agreementRecorded', agreed: true });
    c = await step(c, { type: 'closed' });
    c = await step(c, {
      type: 'causeAnalysed',
      category: 'facturering',
      text: 'Factuur twee keer aangemaakt.',
    });
    c = await step(c, {
      type: 'measureRecorded',
      description: 'Controle op dubbele facturen.',
      owner: 'Financiën',
      dueOn: '2026-04-30',
    });
    c = await step(c, { type: 'complainantInformed', on: '2026-03-03' });
    const informed = (await mailOf(c.id)).filter((m) => m.html?.includes('Wat wij leren van uw klacht'));
    expect(informed).toHaveLength(1);
    expect(informed[0]?.html).toContain('Controle op dubbele facturen.');
  });

  test('"Omschrijving" is editable with If-Match while the complaint is open', async () => {
    at('2026-03-02T10:00:00+01:00');
    const c = await register(ordinary('describe'));
    const res = await api.call<ComplaintView>('PATCH', `/complaints/${c.id}`, {
      body: { description: 'Dubbele factuur voor de cursus.' },
      headers: { 'if-match': c.etag },
    });
    expect(res.status).toBe(200);
    expect(res.body.register['omschrijving']).toBe('Dubbele factuur voor de cursus.');
    expect(res.headers.get('etag')).not.toBe(c.etag);
    const stale = await api.call<Problem>('PATCH', `/complaints/${c.id}`, {
      body: { description: 'Nog iets anders.' },
      headers: { 'if-match': c.etag },
    });
    expect(stale.status).toBe(412);
    const empty = await api.call<Problem>('PATCH', `/complaints/${c.id}`, {
      body: { description: '' },
      headers: { 'if-match': res.body.etag },
    });
    expect(empty.status).toBe(400);
  });

  test('the answer to a registration already shows the acknowledgement as sent', async () => {
    at('2026-03-02T10:00:00+01:00');
    const res = await api.call<{ view: ComplaintView }>('POST', '/complaints', { body: ordinary('fresh') });
    expect(res.status).toBe(201);
    expect(res.body.view.deadlineOutcomes['acknowledgeBy']?.outcome).toBe('met');
  });
});
