import { localDate } from '../../../domain/src/localDate';
import { handlingTermLabel } from '../../src/reports/dutchLabels';
import { weeklyMailHtml } from '../../src/reports/weeklySummary';
import { barChart } from '../../src/reports/yearlyReportHtml';
import { noticeMail } from '../../src/watch/staffMail';

/** A complete HTML document: doctype, head with charset and a non-empty title, then a body. */
const complete =
  /^<!doctype html><html lang="nl"><head><meta charset="utf-8">.*<title>[^<]+<\/title><\/head><body[^>]*>.*<\/body><\/html>$/s;

describe("the director's mails are complete HTML documents", () => {
  test('weekly summary', () => {
    const html = weeklyMailHtml(
      {
        week: '2026-W27',
        from: localDate('2026-06-29'),
        to: localDate('2026-07-05'),
        year: 2026,
        newCount: 3,
        closed: 1,
        open: 5,
        overdue: 0,
        acknowledgedInTime: 1,
        resolvedInTime: null,
        escalationsOpen: 0,
        thirdPartyOpen: 0,
        lettersFailing: 0,
        anonymised: 0,
        unreviewed: 2,
      },
      'https://pane.example/taskpane.html',
      'Lagant & Co',
    );
    expect(html).toMatch(complete);
    expect(html).toContain('<title>Weekoverzicht klachtenregister');
    expect(html).toContain('Nog niet beoordeeld (e-mails in de klachtenmailbox)</td><td><b>2</b>');
  });

  test('escalation and overdue notices, with the subject as title (escaped)', () => {
    for (const kind of ['overdue', 'escalated'] as const) {
      const line =
        kind === 'overdue'
          ? ({ kind, number: 'K-2026-0001', deadline: 'resolveBy', due: localDate('2026-07-01') } as const)
          : ({ kind, number: 'K-2026-0001', due: localDate('2026-08-01') } as const);
      const mail = noticeMail([line], 'director', 'Directeur', 'https://pane.example/', 'A <b> B');
      expect(mail.html).toMatch(complete);
      expect(mail.html).toContain(`<title>${mail.subject}</title>`);
      expect(mail.html).not.toContain('A <b> B');
    }
  });
});

describe('outputs in Dutch and scaling', () => {
  test('the handling term in words', () => {
    expect(handlingTermLabel('P6W')).toBe('6 weken');
    expect(handlingTermLabel('P1M')).toBe('1 maand');
    expect(handlingTermLabel('P3M')).toBe('3 maanden');
    expect(handlingTermLabel('P60D')).toBe('60 dagen');
  });

  test('a chart scales with its container and puts each label above its bar', () => {
    const svg = barChart('Uitkomst', [
      { label: 'een heel lang label dat vroeger onder de balk verdween', value: 10 },
      { label: 'kort', value: 3 },
    ]);
    expect(svg).toMatch(/viewBox="0 0 400 \d+" width="100%"/);
    expect(svg).not.toMatch(/ width="\d+" height="\d+" font-family/);
    const texts = [...svg.matchAll(/<text x="(\d+)" y="(\d+)"/g)].map((m) => Number(m[2]));
    const rects = [...svg.matchAll(/<rect x="0" y="(\d+)" width="(\d+)" height="(\d+)"/g)];
    // The label of row i ends above the top of its bar.
    expect(texts[0]).toBeLessThan(Number(rects[0]?.[1]));
  });
});
