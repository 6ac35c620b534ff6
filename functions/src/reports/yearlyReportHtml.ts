import { formatDutchDate, toAmsterdamDate } from '../../../domain/src/localDate';
import { escapeHtml } from '../common/escape';
import { percent, type Count, type YearlyAnalysis } from './yearlyAnalysis';

const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** The chart's drawing width in user units; the SVG scales to its container (width 100%). */
const CHART_WIDTH = 400;
/** Room right of the longest bar for its value. */
const VALUE_ROOM = 48;

/**
 * A horizontal bar chart as inline SVG that scales with the page (viewBox, width 100%): each label stands on
 * its own line above its bar, so no bar ever covers a label, and the value stands right of the bar.
 */
export function barChart(title: string, bars: readonly { label: string; value: number }[]): string {
  const rowHeight = 36;
  const barWidth = CHART_WIDTH - VALUE_ROOM;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * rowHeight + 4;
  const rows = bars
    .map((b, i) => {
      const y = i * rowHeight;
      const w = Math.round((b.value / max) * barWidth);
      return (
        `<text x="0" y="${y + 13}" font-size="12">${escapeHtml(b.label)}</text>` +
        `<rect x="0" y="${y + 18}" width="${w}" height="12" fill="#0f6cbd"/>` +
        `<text x="${w + 6}" y="${y + 29}" font-size="12">${b.value}</text>`
      );
    })
    .join('');
  return (
    `<figure><figcaption>${escapeHtml(title)}</figcaption>` +
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${CHART_WIDTH} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" style="max-width:${CHART_WIDTH * 1.5}px;height:auto" font-family="Segoe UI,Arial,sans-serif">${rows}</svg></figure>`
  );
}

const table = (head: readonly string[], rows: readonly (readonly (string | number)[])[]): string =>
  `<div class="scroll"><table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>` +
  rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(String(c))}</td>`).join('')}</tr>`).join('') +
  `</tbody></table></div>`;

const countRows = (counts: readonly Count[]): (string | number)[][] => counts.map((c) => [c.label, c.count]);

/**
 * The yearly analysis as one self-contained HTML page (R16): figures, tables and SVG charts, no script, no
 * external resources; served with a CSP that forbids both. Every text from storage is escaped.
 */
export function yearlyReportHtml(a: YearlyAnalysis, organisation: string): string {
  const notes = a.notes;
  const timelinessRows = a.timeliness.map((t) => [
    t.label,
    t.met,
    t.missed,
    t.overdue,
    t.pending,
    percent(t.rate),
  ]);
  const body = [
    `<h1>Jaaranalyse klachten ${a.year}</h1>`,
    `<p>${escapeHtml(organisation)} · stand per ${escapeHtml(formatDutchDate(a.asOf))}</p>`,
    `<h2>Kerncijfers</h2>`,
    table(
      ['', 'aantal'],
      [
        ['klachten', a.total],
        ['nog open', a.open],
        ['overeenstemming (afgehandeld)', percent(a.agreementRate)],
        ['voorgelegd aan de directeur (klachten)', a.escalations.complaints],
        ['verwezen naar de onafhankelijke derde', a.thirdParty.referred],
        ['bindende uitspraken', a.thirdParty.rulings],
        ['uitspraak derde nog verwacht', a.thirdParty.pending],
        ['herhaalde klachten (niet-ontvankelijk)', a.repeats],
        ['te laat ingediend (na 2 weken)', a.late],
        ['klachtnummers uitgegeven', a.numbersIssued],
        ['vervallen nummers (zonder klacht)', a.voided.count],
      ],
    ),
    barChart(
      'Klachten per maand van ontvangst',
      a.perMonth.map((value, i) => ({ label: MONTHS[i] ?? '', value })),
    ),
    `<h2>Uitkomst en overeenstemming</h2>`,
    barChart(
      'Uitkomst',
      a.byOutcome.map((c) => ({ label: c.label, value: c.count })),
    ),
    table(['overeenstemming', 'aantal'], countRows(a.byAgreement)),
    table(['gegrond', 'aantal'], countRows(a.byWellFounded)),
    `<h2>Oorzaken</h2>`,
    barChart(
      'Oorzaken per categorie',
      a.byCategory.map((c) => ({ label: c.label, value: c.count })),
    ),
    `<h2>Tijdigheid</h2>`,
    table(
      ['termijn', 'gehaald', 'niet gehaald', 'verstreken (open)', 'loopt nog', 'op tijd'],
      timelinessRows,
    ),
    barChart(
      'Termijnen gehaald (%)',
      a.timeliness.map((t) => ({ label: t.label, value: t.rate === null ? 0 : Math.round(t.rate * 100) })),
    ),
    `<h2>Vervallen nummers</h2>`,
    a.voided.count === 0
      ? `<p class="meta">Alle ${a.numbersIssued} uitgegeven nummers horen bij een klacht.</p>`
      : `<p>${a.numbersIssued} nummers uitgegeven: ${a.total} klachten en ${a.voided.count} vervallen nummers. Een nummer vervalt als de klacht na de nummertoekenning niet kon worden opgeslagen; de e-mail is daarna onder een nieuw nummer geregistreerd of kan dat nog worden.</p>` +
        table(
          ['nummer', 'reden', 'vervallen op'],
          a.voided.lines.map((v) => [
            v.number,
            v.reason,
            formatDutchDate(toAmsterdamDate(new Date(v.voidedAt))),
          ]),
        ),
    `<h2>Maatregelen</h2>`,
    `<p>${a.measures.total} maatregelen, ${a.measures.carriedOut} bevestigd uitgevoerd, ${a.measures.pastDue} over de streefdatum zonder bevestiging.</p>`,
    table(
      ['maatregel', 'streefdatum', 'uitgevoerd'],
      a.measures.lines.map((m) => [m.key, m.dueOn, m.carriedOut ? 'ja' : 'niet bevestigd']),
    ),
    `<h2>Aanbevelingen van de directeur</h2>`,
    notes && notes.recommendations.trim() !== ''
      ? `<p style="white-space:pre-wrap">${escapeHtml(notes.recommendations)}</p><p class="meta">Vastgelegd door ${escapeHtml(notes.savedBy)} op ${escapeHtml(notes.savedAt.slice(0, 10))}.</p>`
      : `<p class="meta">Nog geen aanbevelingen vastgelegd.</p>`,
  ].join('\n');
  return (
    `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Jaaranalyse klachten ${a.year}</title>` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<style>body{font-family:Segoe UI,Arial,sans-serif;max-width:60rem;margin:1rem auto;padding:0 .75rem;color:#242424;overflow-wrap:anywhere}` +
    `table{border-collapse:collapse;margin:1rem 0;max-width:100%}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}` +
    `svg{display:block}.scroll{overflow-x:auto;max-width:100%}` +
    `figure{margin:1rem 0}figcaption{font-weight:600;margin-bottom:.25rem}.meta{color:#666}</style></head>` +
    `<body>${body}</body></html>`
  );
}
