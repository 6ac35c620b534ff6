import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { adaptiveCardSchema, teamsMessageSchema } from '../../../dev/adaptiveCardSchema';
import { localDate } from '../../../domain/src/localDate';
import { ooxmlXlsxWriter } from '../../src/adapters/xlsxWriter';
import { neutralise, toCsv } from '../../src/reports/spreadsheet';
import { weeklyCard } from '../../src/reports/teamsCard';
import { MAX_CARD_BYTES } from '../../src/app/ports/teamsNotifier';
import type { WeeklyFigures } from '../../src/reports/weeklyFigures';
import { barChart } from '../../src/reports/yearlyReportHtml';
import { cellsOf, unzip } from '../../../test/reports/readXlsx';

describe('CSV for Dutch Excel', () => {
  test.each([
    ['=1+1', "'=1+1"],
    ['+31 6 1234', "'+31 6 1234"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTab', "'\tTab"],
    ['\rCR', "'\rCR"],
    ['gewoon = tekst', 'gewoon = tekst'],
    ['', ''],
  ])('%j → %j', (input, expected) => expect(neutralise(input)).toBe(expected));

  test('BOM, ";" separator, quoting, typed dates as ISO, CRLF', () => {
    const csv = toCsv([
      ['nummer', 'tekst', 'datum', 'n'],
      ['K-2026-0001', 'één; "twee"\nregel', { date: localDate('2026-03-02') }, 3],
    ]);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.subarray(3).toString('utf8')).toBe(
      'nummer;tekst;datum;n\r\nK-2026-0001;"één; ""twee""\nregel";2026-03-02;3\r\n',
    );
  });
});

describe('XLSX writer', () => {
  test('inline strings, numbers and date serials survive a round trip; XML-hostile text stays text', () => {
    const file = ooxmlXlsxWriter.write([
      {
        name: 'Blad/1?',
        rows: [
          ['kop', 'datum'],
          ["=cmd|' /C calc'!A0 <x>&", { date: localDate('2026-07-01') }],
          [42, null],
        ],
      },
    ]);
    const parts = unzip(file);
    expect(parts.get('xl/workbook.xml')).toContain('name="Blad 1 "');
    const cells = cellsOf(parts.get('xl/worksheets/sheet1.xml') ?? '');
    expect(cells).toEqual([
      { ref: 'A1', type: 'inlineStr', value: 'kop', formula: false },
      { ref: 'B1', type: 'inlineStr', value: 'datum', formula: false },
      { ref: 'A2', type: 'inlineStr', value: "=cmd|' /C calc'!A0 <x>&", formula: false },
      { ref: 'B2', type: 'date', value: '46204', formula: false },
      { ref: 'A3', type: 'number', value: '42', formula: false },
    ]);
  });
});

describe('Teams card (R17: figures only)', () => {
  const figures: WeeklyFigures = {
    week: '2026-W10',
    from: localDate('2026-03-02'),
    to: localDate('2026-03-08'),
    year: 2026,
    newCount: 3,
    closed: 1,
    open: 12,
    overdue: 2,
    acknowledgedInTime: 0.9,
    resolvedInTime: null,
    escalationsOpen: 1,
    thirdPartyOpen: 0,
    lettersFailing: 0,
    anonymised: 4,
    unreviewed: 7,
  };
  test('validates against the Adaptive Card 1.5 subset, stays under 28 KB, carries no complaint data', () => {
    const message = weeklyCard(figures, 'https://klachten.example.nl/taskpane.html', 'Lagant Opleidingen');
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    expect(ajv.validate(teamsMessageSchema, message)).toBe(true);
    expect(ajv.validate(adaptiveCardSchema, message.attachments[0]?.content)).toBe(true);
    const json = JSON.stringify(message);
    expect(Buffer.byteLength(json)).toBeLessThan(MAX_CARD_BYTES);
    expect(json).toContain('"version":"1.5"');
    expect(json).toContain('90%');
    expect(json).toContain('"title":"Nog niet beoordeeld","value":"7"');
    expect(json).not.toMatch(/K-\d{4}-\d{4}|@/);
  });
  test('the schema check can fail: a misspelled property is refused', () => {
    const message = weeklyCard(figures, 'https://x.example/', 'X');
    const broken = JSON.parse(JSON.stringify(message).replace('"weight"', '"weigth"')) as unknown;
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    expect(ajv.validate(teamsMessageSchema, broken)).toBe(false);
  });
});

describe('SVG charts', () => {
  test('labels are escaped and nothing executable is produced', () => {
    const svg = barChart('<b>titel</b>', [{ label: '<script>alert(1)</script>', value: 3 }]);
    expect(svg).not.toMatch(/<script|<b>/);
    expect(svg).toContain('&lt;script&gt;');
  });
});
