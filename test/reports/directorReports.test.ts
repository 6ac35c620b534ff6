import type { ComplaintView } from '../../domain/src/api/complaintView';
import { startStack, type Stack } from '../../dev/stack';
import { apiClient, registrationOf, type Role } from '../support/api';
import { sample, variant } from '../support/samples';
import { cellsOf, unzip } from './readXlsx';

jest.setTimeout(120_000);

let stack: Stack;
let api: ReturnType<typeof apiClient>;
let hostile: ComplaintView;
let ordinary: ComplaintView;

async function setClock(iso: string | null): Promise<void> {
  await fetch(`${stack.urls.functions}/dev/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ now: iso }),
  });
}

/**
 * Records a step on the complaint's current version. The outbox may change the complaint right after a step
 * (a letter sent and recorded), so a 412 means: read it again and retry, as the task pane does.
 */
async function step(view: ComplaintView, body: Record<string, unknown>): Promise<ComplaintView> {
  let etag = view.etag;
  for (let attempt = 0; ; attempt++) {
    const res = await api.call<ComplaintView & { title?: string }>('POST', `/complaints/${view.id}/steps`, {
      body,
      headers: { 'if-match': etag },
    });
    if (res.status === 200) return res.body;
    if (res.status !== 412 || attempt > 3)
      throw new Error(`${String(body['type'])}: ${res.status} ${res.body.title ?? ''}`);
    etag = (await api.call<ComplaintView>('GET', `/complaints/${view.id}`)).body.etag;
  }
}

async function download(
  path: string,
  role: Role = 'Directeur',
  post?: unknown,
): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const token = await stack.tokens.issue({
    role,
    name: `Test ${role}`,
    address: `${role.toLowerCase()}@lagant-voorbeeld.nl`,
  });
  const res = await fetch(`${stack.urls.api}${path}`, {
    headers: { authorization: `Bearer ${token}`, ...(post ? { 'content-type': 'application/json' } : {}) },
    ...(post ? { method: 'POST', body: JSON.stringify(post) } : {}),
  });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

beforeAll(async () => {
  stack = await startStack();
  api = apiClient(stack);
  await setClock('2026-07-01T12:00:00+02:00');
  const h = sample('05-hostile');
  const res = await api.call<{ view: ComplaintView }>('POST', '/complaints', {
    body: registrationOf(variant(h, 'export')),
  });
  expect(res.status).toBe(201);
  // The acknowledgement went out before the answer came back: no "acknowledged" step is needed.
  hostile = res.body.view;
  hostile = await step(hostile, {
    type: 'decisionTaken',
    summary: '=HYPERLINK("http://evil.example","klik")',
  });
  hostile = await step(hostile, { type: 'solutionProposed', solution: '@SUM(1+1) <b>vet</b>' });
  hostile = await step(hostile, { type: 'agreementRecorded', agreed: true });
  hostile = await step(hostile, { type: 'causeAnalysed', category: 'communicatie', text: '-2+3 oorzaak' });
  hostile = await step(hostile, {
    type: 'measureRecorded',
    description: '+cmd maatregel',
    owner: '\tTab',
    dueOn: '2026-08-01',
  });
  hostile = await step(hostile, { type: 'closed' });
  const o = await api.call<{ view: ComplaintView }>('POST', '/complaints', {
    body: registrationOf({
      ...variant(sample('06-unicode'), 'export'),
      receivedAt: '2026-06-30T09:00:00+02:00',
    }),
  });
  ordinary = o.body.view;
});
afterAll(async () => {
  await setClock(null);
  await stack?.stop();
});

const formulaStart = /^[=+\-@\t\r]/;

describe('register export for an auditor', () => {
  test('CSV: UTF-8 with BOM, ";" separated, every hostile cell neutralised, accents intact', async () => {
    const res = await download('/register/export?year=2026&format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="klachtenregister-2026.csv"/,
    );
    expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = res.body.subarray(3).toString('utf8');
    const header = text.split('\r\n')[0]?.split(';') ?? [];
    expect(header).toEqual(
      expect.arrayContaining([
        'nummer',
        'omschrijving klacht',
        'naam klager',
        'verantwoordelijke',
        'oplossing',
        'overeenstemming met klager',
        'ontvangstbevestiging tijdig',
      ]),
    );
    // Parse the CSV (quoted cells may hold ";" and line breaks) and check every cell.
    const cells: string[] = [];
    for (const m of text.matchAll(/(?:^|;|\r\n)("(?:[^"]|"")*"|[^;\r\n]*)/g)) {
      const raw = m[1] ?? '';
      cells.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
    }
    expect(cells.filter((c) => formulaStart.test(c))).toEqual([]);
    expect(text).toContain(`'<img src=x onerror=alert(1)> Klacht`.slice(1)); // the subject as text
    expect(text).toContain(`'@SUM(1+1) <b>vet</b>`);
    expect(text).toContain(hostile.number);
    expect(text).toContain('gehaald');
    const unicode = sample('06-unicode');
    expect(text).toContain(unicode.from.name);
  });

  test('XLSX: text cells are inline strings (never formulas), dates are typed date cells', async () => {
    const res = await download('/register/export?year=2026&format=xlsx');
    expect(res.status).toBe(200);
    const files = unzip(res.body);
    expect([...files.keys()]).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']),
    );
    const cells = cellsOf(files.get('xl/worksheets/sheet1.xml') ?? '');
    expect(cells.some((c) => c.formula)).toBe(false);
    const texts = cells.filter((c) => c.type === 'inlineStr').map((c) => c.value);
    expect(texts).toEqual(
      expect.arrayContaining([expect.stringContaining('=HYPERLINK'), expect.stringContaining('@SUM(1+1)')]),
    );
    // Received on 2026-07-01: Excel serial 46204.
    expect(cells.filter((c) => c.type === 'date').map((c) => c.value)).toContain('46204');
    expect(files.get('xl/worksheets/sheet1.xml')).not.toContain('<script>');
  });

  test('only the director exports; a handler gets 403, a bad year 400', async () => {
    expect((await download('/register/export?year=2026&format=csv', 'Klachtbehandelaar')).status).toBe(403);
    expect((await download('/register/export?year=26&format=csv')).status).toBe(400);
    expect((await download('/register/export?year=2026&format=pdf')).status).toBe(400);
  });
});

describe('yearly analysis', () => {
  test('HTML with SVG charts and no script; recommendations saved with the report; XLSX data', async () => {
    const put = await api.call('PUT', '/reports/yearly/2026/recommendations', {
      role: 'Directeur',
      body: {
        recommendations: 'Facturatie <script>x</script> controleren',
        measuresCarriedOut: [`${hostile.number}#1`],
      },
    });
    expect(put.status).toBe(200);
    const html = await download('/reports/yearly?year=2026');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const page = html.body.toString('utf8');
    expect(page).toContain('<svg');
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('Facturatie &lt;script&gt;x&lt;/script&gt; controleren');
    expect(page).not.toContain('evil.example');
    const json = await api.call<{ total: number; agreementRate: number; measures: { carriedOut: number } }>(
      'GET',
      '/reports/yearly?year=2026&format=json',
      { role: 'Directeur' },
    );
    expect(json.body).toMatchObject({ total: 2, agreementRate: 1, measures: { carriedOut: 1 } });
    const xlsx = await download('/reports/yearly?year=2026&format=xlsx');
    expect(unzip(xlsx.body).get('xl/workbook.xml')).toContain('Tijdigheid');
    expect((await download('/reports/yearly?year=2026', 'Klachtbehandelaar')).status).toBe(403);
  });
});

describe('right of access (GDPR art. 15)', () => {
  test('everything about one complainant as one downloadable JSON file, and the request audited', async () => {
    const h = sample('05-hostile');
    const res = await download('/register/subject-access', 'Directeur', {
      address: h.from.address.toUpperCase(),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="inzageverzoek-2026-07-01.json"/,
    );
    const doc = JSON.parse(res.body.toString('utf8')) as {
      complaints: {
        number: string;
        state: { timeline: unknown[] };
        letters: unknown[];
        attachments: unknown[];
      }[];
    };
    expect(doc.complaints.map((c) => c.number)).toEqual([hostile.number]);
    expect(doc.complaints[0]?.state.timeline.length).toBeGreaterThan(5);
    expect(doc.complaints[0]?.letters.length).toBeGreaterThan(0);
    const audit = await api.call<{ items: { action: string }[] }>('GET', `/complaints/${hostile.id}/audit`, {
      role: 'Directeur',
    });
    expect(audit.body.items.map((i) => i.action)).toContain('subject-access');
    expect((await download('/register/subject-access', 'Directeur', { address: 'nope' })).status).toBe(400);
    expect(
      (await download('/register/subject-access', 'Klachtbehandelaar', { address: h.from.address })).status,
    ).toBe(403);
    void ordinary;
  });
});
