/**
 * What auditors ask for (the remedy sought, whether the complaint was well-founded) in the register, the export
 * and the yearly analysis; and the outputs in plain Dutch: no codes in CSV/XLSX, a report that fits 375 px.
 */
import type { Browser } from 'playwright-core';
import type { ComplaintView } from '../../domain/src/api/complaintView';
import { startStack, type Stack } from '../../dev/stack';
import { apiClient, registrationOf } from '../support/api';
import { launchChromium } from '../support/browser';
import { sample, variant } from '../support/samples';
import { cellsOf, unzip } from './readXlsx';

jest.setTimeout(180_000);

let stack: Stack;
let browser: Browser;
let api: ReturnType<typeof apiClient>;
let complaint: ComplaintView;

async function step(view: ComplaintView, body: Record<string, unknown>): Promise<ComplaintView> {
  let etag = view.etag;
  for (let attempt = 0; ; attempt++) {
    const res = await api.call<ComplaintView>('POST', `/complaints/${view.id}/steps`, {
      body,
      headers: { 'if-match': etag },
    });
    if (res.status === 200) return res.body;
    if (res.status !== 412 || attempt > 3) throw new Error(`${String(body['type'])}: ${res.status}`);
    etag = (await api.call<ComplaintView>('GET', `/complaints/${view.id}`)).body.etag;
  }
}

async function download(path: string): Promise<Buffer> {
  const token = await stack.tokens.issue({
    role: 'Directeur',
    name: 'Willem de Graaf',
    address: 'w.degraaf@lagant-voorbeeld.nl',
  });
  const res = await fetch(`${stack.urls.api}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  api = apiClient(stack);
  stack.clock.set(new Date('2026-07-01T12:00:00+02:00'));
  const res = await api.call<{ view: ComplaintView }>('POST', '/complaints', {
    body: {
      ...registrationOf({
        ...variant(sample('01-ordinary'), 'auditor'),
        receivedAt: '2026-07-01T09:00:00+02:00',
      }),
      remedy: 'Creditnota voor de dubbele factuur',
    },
  });
  expect(res.status).toBe(201);
  complaint = res.body.view;
  complaint = await step(complaint, {
    type: 'decisionTaken',
    summary: 'Factuur onterecht',
    wellFounded: 'gegrond',
  });
  complaint = await step(complaint, { type: 'solutionProposed', solution: 'Creditnota' });
  complaint = await step(complaint, { type: 'agreementRecorded', agreed: true });
  complaint = await step(complaint, { type: 'closed' });
});

afterAll(async () => {
  stack?.clock.set(null);
  await browser?.close();
  await stack?.stop();
});

describe('remedy sought and well-founded', () => {
  test('the register view shows both', () => {
    expect(complaint.register).toMatchObject({
      gewensteOplossing: 'Creditnota voor de dubbele factuur',
      gegrond: 'gegrond',
    });
  });

  test('a remedy over 2000 characters is refused', async () => {
    const res = await api.call<{ title: string }>('POST', '/complaints', {
      body: {
        ...registrationOf({
          ...variant(sample('01-ordinary'), 'auditor-2'),
          receivedAt: '2026-07-01T09:00:00+02:00',
        }),
        remedy: 'x'.repeat(3000),
      },
    });
    expect(res.status).toBe(400);
  });

  test('CSV: both columns, Dutch values, the term as "6 weken"', async () => {
    const text = (await download('/register/export?year=2026&format=csv')).subarray(3).toString('utf8');
    const [head = '', ...lines] = text.split('\r\n');
    const header = head.split(';');
    const row = (lines.find((l) => l.startsWith(complaint.number)) ?? '').split(';');
    const cell = (name: string): string | undefined => row[header.indexOf(name)];
    expect(cell('gewenste oplossing')).toBe('Creditnota voor de dubbele factuur');
    expect(cell('gegrond')).toBe('gegrond');
    expect(cell('behandeltermijn')).toBe('6 weken');
    expect(cell('afgesloten als')).toBe('afgehandeld');
    expect(text).not.toMatch(/\bP6W\b|;handled;|;agreed;/);
  });

  test('XLSX (export and yearly data): no English codes, the term in words', async () => {
    for (const path of ['/register/export?year=2026&format=xlsx', '/reports/yearly?year=2026&format=xlsx']) {
      const files = unzip(await download(path));
      const sheets = [...files.keys()].filter((k) => k.startsWith('xl/worksheets/sheet'));
      expect(sheets.length).toBeGreaterThan(0);
      const values = sheets.flatMap((s) => cellsOf(files.get(s) ?? '').map((c) => c.value));
      for (const code of ['handled', 'agreed', 'notAgreed', 'overdue', 'met', 'missed', 'pending', 'P6W'])
        expect({ path, code, found: values.includes(code) }).toEqual({ path, code, found: false });
      expect(values).toEqual(expect.arrayContaining(['gegrond']));
    }
  });

  test('the yearly analysis counts complaints per well-founded outcome', async () => {
    const res = await api.call<{ byWellFounded: { key: string; label: string; count: number }[] }>(
      'GET',
      '/reports/yearly?year=2026&format=json',
      { role: 'Directeur' },
    );
    expect(res.body.byWellFounded).toEqual(
      expect.arrayContaining([
        { key: 'gegrond', label: 'gegrond', count: 1 },
        { key: 'ongegrond', label: 'ongegrond', count: 0 },
      ]),
    );
  });
});

describe('the yearly report HTML', () => {
  test('has a title; charts scale (viewBox, width 100%, no fixed width)', async () => {
    const html = (await download('/reports/yearly?year=2026')).toString('utf8');
    expect(html).toMatch(/<title>Jaaranalyse klachten 2026<\/title>/);
    expect(html).toMatch(/<meta charset="utf-8">/);
    const svgs = [...html.matchAll(/<svg[^>]*>/g)].map((m) => m[0]);
    expect(svgs.length).toBeGreaterThan(2);
    for (const svg of svgs) {
      expect(svg).toMatch(/viewBox="0 0 \d+ \d+"/);
      expect(svg).toMatch(/width="100%"/);
    }
  });

  test('readable at 375 px: nothing wider than the screen, no label under a bar', async () => {
    const html = (await download('/reports/yearly?year=2026')).toString('utf8');
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    try {
      await page.setContent(html);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(375);
      // Every chart label's box is clear of every bar's box.
      const overlaps = await page.evaluate(() => {
        let n = 0;
        for (const svg of Array.from(document.querySelectorAll('svg'))) {
          const bars = Array.from(svg.querySelectorAll('rect')).map((r) => r.getBoundingClientRect());
          for (const t of Array.from(svg.querySelectorAll('text'))) {
            const b = t.getBoundingClientRect();
            for (const r of bars)
              if (r.width > 0 && b.left < r.right && b.right > r.left && b.top < r.bottom && b.bottom > r.top)
                n++;
          }
        }
        return n;
      });
      expect(overlaps).toBe(0);
    } finally {
      await page.close();
    }
  });
});

test('a decision with an unknown well-founded value is refused', async () => {
  const res = await api.call<{ view: ComplaintView }>('POST', '/complaints', {
    body: registrationOf({
      ...variant(sample('01-ordinary'), 'auditor-3'),
      receivedAt: '2026-07-01T09:00:00+02:00',
    }),
  });
  const bad = await api.call('POST', `/complaints/${res.body.view.id}/steps`, {
    body: { type: 'decisionTaken', summary: 'Besluit', wellFounded: 'half' },
    headers: { 'if-match': res.body.view.etag },
  });
  expect(bad.status).toBe(400);
});
