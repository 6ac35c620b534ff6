import type { ComplaintStatistics } from '../../../domain/src/anonymise';
import type { Cell, Sheet } from '../app/ports/xlsxWriter';
import { AGREEMENT_LABELS } from '../../../domain/src/complaintState';
import { CLOSED_AS_LABELS, DEADLINE_OUTCOME_LABELS } from './dutchLabels';
import type { YearlyAnalysis } from './yearlyAnalysis';
import { toAmsterdamDate } from '../../../domain/src/localDate';

const rate = (r: number | null): Cell => (r === null ? null : Math.round(r * 1000) / 10);

/** The data under the yearly report, one sheet per table, plus one statistical row per complaint (no names). */
export function yearlyReportSheets(a: YearlyAnalysis, stats: readonly ComplaintStatistics[]): Sheet[] {
  const outcome = (s: ComplaintStatistics, name: string): Cell =>
    s.deadlineOutcomes
      .filter((d) => d.deadline === name)
      .map((d) => DEADLINE_OUTCOME_LABELS[d.outcome])
      .join(', ') || null;
  return [
    {
      name: 'Kerncijfers',
      rows: [
        ['gegeven', 'waarde'],
        ['jaar', a.year],
        ['stand per', { date: a.asOf }],
        ['klachten', a.total],
        ['nog open', a.open],
        ['overeenstemming (%)', rate(a.agreementRate)],
        ['voorgelegd aan directeur (klachten)', a.escalations.complaints],
        ['voorleggingen aan directeur', a.escalations.total],
        ['verwezen naar onafhankelijke derde', a.thirdParty.referred],
        ['bindende uitspraken', a.thirdParty.rulings],
        ['herhaalde klachten', a.repeats],
        ['te laat ingediend', a.late],
        ['maatregelen', a.measures.total],
        ['maatregelen bevestigd uitgevoerd', a.measures.carriedOut],
        ['klachtnummers uitgegeven', a.numbersIssued],
        ['vervallen nummers', a.voided.count],
        ['aanbevelingen', a.notes?.recommendations ?? null],
      ],
    },
    {
      name: 'Tijdigheid',
      rows: [
        ['termijn', 'gehaald', 'niet gehaald', 'verstreken', 'loopt', 'op tijd (%)'],
        ...a.timeliness.map((t): Cell[] => [t.label, t.met, t.missed, t.overdue, t.pending, rate(t.rate)]),
      ],
    },
    {
      name: 'Uitkomst',
      rows: [
        ['uitkomst', 'aantal'],
        ...a.byOutcome.map((c): Cell[] => [c.label, c.count]),
        ['overeenstemming', 'aantal'],
        ...a.byAgreement.map((c): Cell[] => [c.label, c.count]),
        ['gegrond', 'aantal'],
        ...a.byWellFounded.map((c): Cell[] => [c.label, c.count]),
      ],
    },
    {
      name: 'Oorzaken',
      rows: [['categorie', 'aantal'], ...a.byCategory.map((c): Cell[] => [c.label, c.count])],
    },
    {
      name: 'Maatregelen',
      rows: [
        ['maatregel', 'streefdatum', 'uitgevoerd'],
        ...a.measures.lines.map((m): Cell[] => [
          m.key,
          { date: m.dueOn },
          m.carriedOut ? 'ja' : 'niet bevestigd',
        ]),
      ],
    },
    {
      name: 'Vervallen nummers',
      rows: [
        ['nummer', 'reden', 'vervallen op'],
        ...a.voided.lines.map((v): Cell[] => [
          v.number,
          v.reason,
          { date: toAmsterdamDate(new Date(v.voidedAt)) },
        ]),
      ],
    },
    {
      name: 'Klachten',
      rows: [
        [
          'nummer',
          'ontvangen op',
          'afgesloten op',
          'afgesloten als',
          'overeenstemming',
          'gegrond',
          'ontvangstbevestiging',
          'afhandeling',
          'verlengingsbericht',
          'reactie directeur',
          'voorleggingen',
          'derde',
          'uitspraak',
          'oorzaakcategorieën',
          'maatregelen',
        ],
        ...stats.map((s): Cell[] => [
          s.number,
          { date: s.receivedOn },
          s.closedOn ? { date: s.closedOn } : null,
          s.closedAs ? CLOSED_AS_LABELS[s.closedAs] : s.status === 'open' ? 'open' : null,
          s.agreement ? AGREEMENT_LABELS[s.agreement] : null,
          s.wellFounded ?? null,
          outcome(s, 'acknowledgeBy'),
          outcome(s, 'resolveBy'),
          outcome(s, 'extensionNoticeBy'),
          outcome(s, 'escalationResponseBy'),
          s.escalationCount,
          s.thirdPartyReferredOn ? { date: s.thirdPartyReferredOn } : null,
          s.bindingRulingOn ? { date: s.bindingRulingOn } : null,
          s.causeCategories.join(', ') || null,
          s.measures.length,
        ]),
      ],
    },
  ];
}
