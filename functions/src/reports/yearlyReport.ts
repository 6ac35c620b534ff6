import { z } from 'zod';
import { multiLineText } from '../../../domain/src/textPolicy';
import { mailDocument } from './mailDocument';
import { localDateOf, toAmsterdamDate, type LocalDate } from '../../../domain/src/localDate';
import type { Clock } from '../app/ports/clock';
import type { ProcedureSettings } from '../../../domain/src/settings';
import { validationError } from '../common/errors';
import type { Principal } from '../common/principal';
import type { Mailer } from '../app/ports/mailer';
import { escapeHtml } from '../common/escape';
import type { WatchStore, YearlyNotes } from '../app/ports/watchStore';
import { amsterdamMoment } from '../common/localTime';
import type { YearlyAnalysisView } from '../../../domain/src/api/reports';
import { loadYearStatistics, type RegisterSourceDeps } from './registerSource';
import type { ComplaintStatistics } from '../../../domain/src/anonymise';
import { parseYear, requireDirector } from './reportAccess';
import { yearlyAnalysis, percent, type YearlyAnalysis } from './yearlyAnalysis';
import { yearlyReportHtml } from './yearlyReportHtml';
import { yearlyReportSheets } from './yearlyReportXlsx';
import type { XlsxWriter } from '../app/ports/xlsxWriter';
import type { NumberLedger } from '../app/ports/numberLedger';

/** What the director's report endpoints need; the analysis itself takes `YearlyDeps`. */
export interface YearlyReportDeps extends Omit<YearlyDeps, 'causeCategories'> {
  clock: Clock;
  procedure: { settings: Pick<ProcedureSettings, 'causeCategories'> };
  config: { organisationName: string };
}

export interface YearlyDeps extends RegisterSourceDeps {
  watch: WatchStore;
  /** The year's void numbers ("vervallen"), so the figures explain the whole sequence. */
  numbers: Pick<NumberLedger, 'listVoided'>;
  causeCategories: readonly string[];
}

/** The analysis of `year` as of `today` (for a past year: as of its last day, so a report does not drift). */
export async function analyseYear(
  deps: YearlyDeps,
  year: number,
  today: LocalDate,
): Promise<{ analysis: YearlyAnalysis; stats: ComplaintStatistics[] }> {
  const endOfYear = localDateOf(year, 12, 31);
  const asOf = today < endOfYear ? today : endOfYear;
  const [stats, notes, voided] = await Promise.all([
    loadYearStatistics(deps, year, asOf),
    deps.watch.getYearlyNotes(year),
    deps.numbers.listVoided(year),
  ]);
  return { analysis: yearlyAnalysis(year, stats, asOf, deps.causeCategories, notes, voided), stats };
}

const yearlyDeps = (s: YearlyReportDeps): YearlyDeps => ({
  index: s.index,
  complaints: s.complaints,
  archive: s.archive,
  watch: s.watch,
  numbers: s.numbers,
  causeCategories: s.procedure.settings.causeCategories,
});

export type YearlyFormat = 'html' | 'xlsx' | 'json';

/** `GET /api/reports/yearly?year=&format=html|xlsx|json` (Directeur). */
export async function getYearlyReport(
  services: YearlyReportDeps,
  principal: Principal,
  query: { year: string | null; format: string | null },
  xlsx: XlsxWriter,
): Promise<{ format: YearlyFormat; year: number; body: string | Buffer | YearlyAnalysis }> {
  requireDirector(principal);
  const year = parseYear(query.year);
  const format = (query.format ?? 'html') as YearlyFormat;
  if (!['html', 'xlsx', 'json'].includes(format))
    throw validationError('Kies html, xlsx of json.', [{ field: 'format', message: 'html, xlsx of json' }]);
  const now = services.clock.now();
  const { analysis, stats } = await analyseYear(yearlyDeps(services), year, toAmsterdamDate(now));
  await services.watch.audit({
    at: now.toISOString(),
    actorId: principal.id,
    actorName: principal.name,
    action: 'yearly-report',
    detail: `jaar ${year}, ${format}`,
  });
  // The pane reads this as domain's YearlyAnalysisView; `satisfies` keeps the two from drifting apart.
  if (format === 'json') return { format, year, body: analysis satisfies YearlyAnalysisView };
  if (format === 'xlsx') return { format, year, body: xlsx.write(yearlyReportSheets(analysis, stats)) };
  return { format, year, body: yearlyReportHtml(analysis, services.config.organisationName) };
}

export const recommendationsBody = z.strictObject({
  recommendations: multiLineText(20_000),
  measuresCarriedOut: z
    .array(z.string().regex(/^K-\d{4}-\d{4}#\d{1,3}$/))
    .max(5000)
    .default([]),
});

/** `PUT /api/reports/yearly/{year}/recommendations` (Directeur): saved with the report, shown in it. */
export async function saveRecommendations(
  services: YearlyReportDeps,
  principal: Principal,
  yearText: string,
  body: z.output<typeof recommendationsBody>,
): Promise<YearlyNotes> {
  requireDirector(principal);
  const year = parseYear(yearText);
  const notes: YearlyNotes = {
    recommendations: body.recommendations,
    measuresCarriedOut: [...new Set(body.measuresCarriedOut)],
    savedAt: services.clock.now().toISOString(),
    savedBy: principal.name,
  };
  await services.watch.saveYearlyNotes(year, notes);
  // The length only: the text itself is in the saved notes, and an audit line carries no free text.
  await services.watch.audit({
    at: notes.savedAt,
    actorId: principal.id,
    actorName: principal.name,
    action: 'yearly-recommendations',
    detail: `jaar ${year}, ${notes.recommendations.length} tekens, ${notes.measuresCarriedOut.length} maatregelen uitgevoerd`,
  });
  return notes;
}

export interface YearlyMailDeps extends YearlyDeps {
  mailer: Mailer;
  clock: Clock;
  directorAddress: string | undefined;
  reportUrl: string;
  organisationName: string;
  log?: (line: string) => void;
}

/**
 * Answers `notJanuary`, `noDirector`, `alreadyDone` or the mail's send outcome (`accepted`, `notSent`, `unknown`).
 *
 * The January mail (R16): on the first run in January (local time), the analysis of the previous year goes to
 * the director: the key figures and a link to the full report (the report itself stays behind the API, where
 * reading it is audited). Once per year, by a claim.
 */
export async function runYearlyAnalysisMail(deps: YearlyMailDeps): Promise<string> {
  const now = deps.clock.now();
  const moment = amsterdamMoment(now);
  if (moment.date.slice(5, 7) !== '01') return 'notJanuary';
  if (!deps.directorAddress) return 'noDirector';
  const year = Number(moment.date.slice(0, 4)) - 1;
  if (!(await deps.watch.claim('yearly', `${year}:mail`, now))) return 'alreadyDone';
  try {
    const { analysis } = await analyseYear(deps, year, moment.date);
    const url = deps.reportUrl;
    const outcome = await deps.mailer.send({
      letterId: `yearly:${year}`,
      to: { name: 'Directeur', address: deps.directorAddress },
      subject: `Klachtenregister: jaaranalyse ${year}`,
      html: mailDocument(
        `Klachtenregister: jaaranalyse ${year}`,
        `<p>De jaaranalyse van de klachten van ${year} van ${escapeHtml(deps.organisationName)} staat klaar.</p>` +
          `<ul><li>Klachten: ${analysis.total} (nog open: ${analysis.open})</li>` +
          `<li>Overeenstemming: ${percent(analysis.agreementRate)}</li>` +
          analysis.timeliness
            .map((t) => `<li>${escapeHtml(t.label)}: ${percent(t.rate)} op tijd</li>`)
            .join('') +
          (analysis.voided.count > 0
            ? `<li>Vervallen nummers (uitgegeven zonder klacht): ${analysis.voided.count}</li>`
            : '') +
          `<li>Voorgelegd aan de directeur: ${analysis.escalations.complaints}; onafhankelijke derde: ${analysis.thirdParty.referred} (uitspraken: ${analysis.thirdParty.rulings})</li></ul>` +
          `<p>Het volledige rapport (met grafieken en de gegevens als Excel) opent u in het <a href="${escapeHtml(url)}">klachtenregister</a>; daar legt u ook uw aanbevelingen vast.</p>`,
      ),
    });
    if (outcome.kind === 'notSent') await deps.watch.release('yearly', `${year}:mail`);
    deps.log?.(`yearly analysis ${year}: mail ${outcome.kind}`);
    return outcome.kind;
  } catch (error) {
    await deps.watch.release('yearly', `${year}:mail`);
    throw error;
  }
}
