import {
  complaintNumber,
  findRepeatCandidates,
  isLate,
  lateWindowEndsOn,
  normaliseName,
  stripReplyPrefixes,
  subjectSimilarity,
  type ComplaintSummary,
} from '../src';
import { L } from './helpers';

describe('R2: late when received more than 14 days after the complaint arose', () => {
  it.each([
    ['2026-04-10', '2026-04-24', false, 'day 14: the last day in time'],
    ['2026-04-10', '2026-04-25', true, 'day 15'],
    ['2026-04-10', '2026-05-20', true, 'fixture 03'],
    ['2026-02-20', '2026-03-02', false, 'fixture 01'],
    ['2028-02-20', '2028-03-05', false, 'leap year: 20 Feb + 14 = 5 March 2028'],
    ['2028-02-20', '2028-03-06', true, 'leap year, day 15'],
    ['2026-12-20', '2027-01-03', false, 'across New Year: calendar days, not working days'],
    ['2026-04-23', '2026-04-23', false, 'same day'],
  ])('arose %s, received %s → late %s (%s)', (arose, received, late) => {
    expect(isLate(L(received), L(arose))).toBe(late);
  });

  it('is never late without a known "ontstaan op"', () => {
    expect(isLate(L('2030-01-01'), undefined)).toBe(false);
  });

  it('the window ends 14 calendar days after the complaint arose', () => {
    expect(lateWindowEndsOn(L('2026-04-10'))).toBe('2026-04-24');
  });
});

describe('reply and forward prefixes', () => {
  it.each([
    ['RE: Klacht over factuur', 'Klacht over factuur'],
    ['Re: RE: Fwd: Klacht over factuur', 'Klacht over factuur'],
    ['AW: WG: Klacht', 'Klacht'],
    ['Antw: Doorst: Klacht', 'Klacht'],
    ['FW:Klacht', 'Klacht'],
    ['fwd : Klacht', 'Klacht'],
    ['RE[2]: Klacht', 'Klacht'],
    ['Reactie op factuur', 'Reactie op factuur'],
    ['Regarding: invoice', 'Regarding: invoice'],
    ['Klacht: cursus', 'Klacht: cursus'],
  ])('%j → %j', (subject, stripped) => {
    expect(stripReplyPrefixes(subject)).toBe(stripped);
  });
});

describe('names are compared after normalising case, diacritics and punctuation', () => {
  it.each([
    ['Zoë Ünal-Ørsted', 'zoe unal orsted', true],
    ['Marieke de Vries', 'MARIEKE DE VRIES', true],
    ['Marieke  de  Vries.', 'marieke de vries', true],
    ['Ahmed El-Amrani', 'Ahmed El Amrani', true],
    ['M. de Vries', 'Marieke de Vries', false],
    ['De Vries, Marieke', 'Marieke de Vries', false],
  ])('%j vs %j → %s', (a, b, same) => {
    expect(normaliseName(a) === normaliseName(b)).toBe(same);
  });
});

describe('subject similarity (token Jaccard without stop words)', () => {
  it.each([
    [
      'RE: Klacht over dubbele factuur training Agile Coaching',
      'Klacht over dubbele factuur training Agile Coaching',
      1,
    ],
    ['Klacht over factuur', 'Klacht over trainer', 0],
    ['Klacht', 'klacht', 1],
    ['Dubbele factuur Agile', 'Factuur dubbel betaald', 0.2],
    ['Certificaat nog steeds niet ontvangen', 'FW: certificaat niet ontvangen!', 2 / 3],
  ])('%j ~ %j = %d', (a, b, sim) => {
    expect(subjectSimilarity(a, b)).toBeCloseTo(sim, 5);
  });
});

describe('R12: repeat-complaint candidates', () => {
  const decided01: ComplaintSummary = {
    number: complaintNumber('K-2026-0001'),
    complainant: { name: 'Marieke de Vries', address: 'marieke.devries@voorbeeld.nl' },
    subject: 'Klacht over dubbele factuur training Agile Coaching',
    decidedOn: L('2026-03-20'),
  };
  // Fixture 04: same address, shorter name, "RE:" subject.
  const fixture04 = {
    number: complaintNumber('K-2026-0040'),
    complainant: { name: 'M. de Vries', address: 'marieke.devries@voorbeeld.nl' },
    subject: 'RE: Klacht over dubbele factuur training Agile Coaching',
  };

  it('finds fixture 01 for fixture 04 by address, with identical subject', () => {
    expect(findRepeatCandidates(fixture04, [decided01])).toEqual([
      { number: 'K-2026-0001', decidedOn: '2026-03-20', matchedOn: ['address'], similarity: 1 },
    ]);
  });

  it.each<[string, Partial<ComplaintSummary>, number]>([
    ['without a decision', { decidedOn: undefined }, 0],
    ['about another subject', { subject: 'Klacht over examenlocatie' }, 0],
    ['by someone else', { complainant: { name: 'Jan Bakker', address: 'j.bakker@bedrijf-x.nl' } }, 0],
    [
      'by the same name at another address',
      { complainant: { name: 'm. de vries', address: 'andere@example.org' } },
      1,
    ],
    [
      'by the same address in other case',
      { complainant: { name: 'X', address: ' Marieke.DeVries@Voorbeeld.NL' } },
      1,
    ],
  ])('an earlier complaint %s → %i candidate(s)', (_label, change, count) => {
    const other: ComplaintSummary = { ...decided01, ...change };
    if ('decidedOn' in change && change.decidedOn === undefined) delete other.decidedOn;
    expect(findRepeatCandidates(fixture04, [other])).toHaveLength(count);
  });

  it('matches on both address and name when both agree', () => {
    const [c] = findRepeatCandidates(
      { ...fixture04, complainant: { ...fixture04.complainant, name: 'Marieke de Vries' } },
      [decided01],
    );
    expect(c?.matchedOn).toEqual(['address', 'name']);
  });

  it('skips the complaint itself and sorts by similarity, then latest decision', () => {
    const older = { ...decided01, number: complaintNumber('K-2025-0007'), decidedOn: L('2025-06-01') };
    const partial = {
      ...decided01,
      number: complaintNumber('K-2026-0003'),
      subject: 'Dubbele factuur Agile Coaching training examen',
      decidedOn: L('2026-05-01'),
    };
    const self = { ...decided01, number: fixture04.number };
    const found = findRepeatCandidates(fixture04, [older, partial, decided01, self]).map((c) => c.number);
    expect(found).toEqual(['K-2026-0001', 'K-2025-0007', 'K-2026-0003']);
  });

  it('does not match on an empty name or address', () => {
    const anonymous = { ...decided01, complainant: { name: '', address: '' } };
    expect(
      findRepeatCandidates({ ...fixture04, complainant: { name: '', address: '' } }, [anonymous]),
    ).toEqual([]);
  });
});
