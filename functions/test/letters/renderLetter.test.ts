import type { Letter } from '../../../domain/src/effects';
import { complaintNumber } from '../../../domain/src/complaintNumber';
import { localDate } from '../../../domain/src/localDate';
import { escapeHtml, plainText } from '../../src/common/escape';
import { dutchTerm } from '../../src/letters/letterContent';
import { letterSubject, renderLetter } from '../../src/letters/renderLetter';
import { settings, thirdParty } from './fakes';

const base = {
  seq: 1,
  complaintNumber: complaintNumber('K-2026-0007'),
  to: { name: 'Eva de Vries', address: 'eva@klant.example' },
  inReplyTo: '<a@klant.example>',
};
const complaint = {
  subject: 'RE: Factuur dubbel betaald',
  handler: { name: 'Sanne Bakker', address: 's@x.nl' },
};
const d = localDate;

const letters: Letter[] = [
  { ...base, kind: 'acknowledgement', receivedOn: d('2026-04-23'), term: 'P6W', resolveBy: d('2026-06-04') },
  { ...base, kind: 'extension', reason: 'Wij wachten op de docent.', expectedBy: d('2026-07-15') },
  { ...base, kind: 'escalation', respondBy: d('2026-05-29') },
  {
    ...base,
    kind: 'inadmissibleLate',
    aroseOn: d('2026-03-01'),
    receivedOn: d('2026-04-01'),
    lateWindowEndedOn: d('2026-03-15'),
  },
  { ...base, kind: 'inadmissibleRepeat', relatedComplaint: complaintNumber('K-2025-0031') },
  { ...base, kind: 'thirdPartyReferral', thirdParty },
  { ...base, kind: 'outcome', decision: 'De factuur was dubbel.', solution: 'Wij betalen € 120 terug.' },
];

/** Tags that a letter may contain; anything else (script, img, a, iframe, style…) would be a leak. */
const allowedTags = new Set([
  '!doctype',
  'html',
  'head',
  'meta',
  'title',
  'body',
  'h1',
  'h2',
  'p',
  'br',
  'table',
  'tr',
  'td',
]);
function tagsOf(html: string): string[] {
  return [...html.matchAll(/<\/?([!a-zA-Z][^\s>/]*)/g)].map((m) => (m[1] ?? '').toLowerCase());
}

describe('renderLetter', () => {
  test.each(letters.map((l) => [l.kind, l] as const))(
    '%s: Dutch, addressed, numbered, signed, only inert markup',
    (_kind, letter) => {
      const r = renderLetter(letter, complaint, settings);
      expect(r.subject).toBe('Re: Factuur dubbel betaald [K-2026-0007]');
      for (const body of [r.html, r.text]) {
        expect(body).toContain('Geachte Eva de Vries,');
        expect(body).toContain('K-2026-0007');
        expect(body).toContain('Met vriendelijke groet,');
        expect(body).toContain('Lagant Opleidingen');
        expect(body).toContain('klachten@lagant.example');
      }
      expect(tagsOf(r.html).every((t) => allowedTags.has(t))).toBe(true);
      expect(r.html).not.toMatch(/\son\w+\s*=/i);
    },
  );

  test('the acknowledgement gives the number, receipt, term as a date, handler, third party and privacy notice', () => {
    const ack = letters[0]!;
    const { html, text } = renderLetter(ack, complaint, settings);
    for (const body of [html, text]) {
      expect(body).toContain('donderdag 23 april 2026');
      expect(body).toContain('uiterlijk donderdag 4 juni 2026');
      expect(body).toContain('6 weken');
      expect(body).toContain('Sanne Bakker behandelt uw klacht');
      expect(body).toContain(
        'Stichting Onafhankelijke Klachtbehandeling, mr. A. de Wit (geschillen@onafhankelijk.example)',
      );
      expect(body).toMatch(/bewaren uw gegevens tot 2 jaar nadat uw klacht is afgehandeld/);
    }
  });

  test('letter-specific facts: reason and expected date, the earlier decision, the ruling party, the solution', () => {
    const texts = letters.map((l) => renderLetter(l, complaint, settings).text);
    expect(texts[1]).toContain('Wij wachten op de docent.');
    expect(texts[1]).toContain('woensdag 15 juli 2026');
    expect(texts[2]).toContain('vrijdag 29 mei 2026');
    expect(texts[3]).toContain('tot en met zondag 15 maart 2026');
    expect(texts[4]).toContain('K-2025-0031');
    expect(texts[5]).toContain('Contactpersoon: mr. A. de Wit');
    expect(texts[6]).toContain('Wij betalen € 120 terug.');
  });

  test('hostile content from the e-mail stays inert text in the subject, the HTML and the text', () => {
    const hostile = {
      subject: '<img src=x onerror=alert(1)> Klacht =HYPERLINK("http://evil.example","klik")',
      handler: { name: 'Sanne <b>Bakker</b>', address: 's@x.nl' },
    };
    const letter: Letter = {
      ...base,
      to: { name: "<script>alert('x')</script> Tester", address: 'tester@evil.example' },
      kind: 'outcome',
      decision: '<iframe src="http://evil.example"></iframe>',
      solution: 'Regel 1\n<a href="javascript:alert(1)">klik</a>',
    };
    const r = renderLetter(letter, hostile, settings, { personalNote: '<style>body{display:none}</style>' });
    expect(tagsOf(r.html).every((t) => allowedTags.has(t))).toBe(true);
    expect(r.html).not.toMatch(/<(script|img|iframe|a|style|b)\b/i);
    expect(r.html).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Tester');
    expect(r.html).toContain('Regel 1<br>&lt;a href=&quot;javascript:alert(1)&quot;&gt;klik&lt;/a&gt;');
    for (const raw of [r.text, r.subject]) expect(raw).not.toMatch(/[<>]/);
    expect(r.text).toContain("‹script›alert('x')‹/script› Tester");
    expect(r.subject).toBe(
      'Re: ‹img src=x onerror=alert(1)› Klacht =HYPERLINK("http://evil.example","klik") [K-2026-0007]',
    );
  });

  test('the personal paragraph follows the opening paragraph', () => {
    const r = renderLetter(letters[0]!, complaint, settings, { personalNote: 'Excuses voor het ongemak.' });
    expect(r.text.indexOf('Excuses voor het ongemak.')).toBeGreaterThan(r.text.indexOf('Op donderdag'));
    expect(r.text.indexOf('Excuses voor het ongemak.')).toBeLessThan(r.text.indexOf('Klachtnummer:'));
  });
});

describe('letter text helpers', () => {
  test('subjects lose reply and forward markers, line breaks and control characters', () => {
    expect(letterSubject('FW: RE: Ontevreden over\r\nannuleringskosten', 'K-2026-0002')).toBe(
      'Re: Ontevreden over annuleringskosten [K-2026-0002]',
    );
    expect(letterSubject('  ', 'K-2026-0002')).toBe('Re: Uw klacht [K-2026-0002]');
  });
  test('escaping covers the five HTML specials and strips control characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&\u0000</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    expect(plainText('a <b>\r\nc')).toBe('a ‹b›\nc');
  });
  test('terms read as Dutch', () => {
    expect(['P6W', 'P1W', 'P3M', 'P1M', 'P60D'].map(dutchTerm)).toEqual([
      '6 weken',
      '1 week',
      '3 maanden',
      '1 maand',
      '60 dagen',
    ]);
  });
});
