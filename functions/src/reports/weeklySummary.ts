import { addDays, formatDutchDate } from '../../../domain/src/localDate';
import type { Clock } from '../app/ports/clock';
import { mailDocument } from './mailDocument';
import type { ComplaintDocument } from '../app/complaintDocument';
import { allOf } from '../app/indexEntry';
import type { ComplaintIndex } from '../app/ports/complaintIndex';
import type { ComplaintStore } from '../app/ports/complaintStore';
import { escapeHtml } from '../common/escape';
import type { Mailer } from '../app/ports/mailer';
import { amsterdamMoment, isoWeekOf } from '../common/localTime';
import type { ComplaintArchive } from '../app/ports/complaintArchive';
import type { WatchStore } from '../app/ports/watchStore';
import type { WeeklySummaryView } from '../../../domain/src/api/reports';
import type { MailboxStore } from '../app/ports/mailboxPorts';
import { loadEntries, statisticsOf } from './registerSource';
import { weeklyCard } from './teamsCard';
import type { TeamsNotifier } from '../app/ports/teamsNotifier';
import { weeklyFigures, type WeeklyFigures } from './weeklyFigures';
import { percent } from './yearlyAnalysis';
import type { Principal } from '../common/principal';
import { requireDirector } from './reportAccess';

export interface WeeklyDeps {
  index: ComplaintIndex;
  complaints: ComplaintStore<ComplaintDocument>;
  archive: ComplaintArchive;
  watch: WatchStore;
  mailer: Mailer;
  teams: TeamsNotifier;
  /** The complaints mailbox's unreviewed e-mails: counted, never named. */
  mailbox: Pick<MailboxStore, 'listUnreviewed'>;
  clock: Clock;
  directorAddress: string | undefined;
  registerUrl: string;
  organisationName: string;
  log?: (line: string) => void;
}

export type WeeklyOutcome =
  | { kind: 'notYet' }
  | { kind: 'alreadyDone'; week: string }
  | { kind: 'done'; week: string; mail: string; teams: string; figures: WeeklyFigures };

/** Local hour from which Monday's summary goes out. */
export const WEEKLY_HOUR = 8;

/**
 * The weekly summary (R16), run by an hourly trigger: the first run from Monday 08:00 Amsterdam time sends the
 * summary of the previous ISO week, once (a claim per week and channel; summer time moves the UTC hour, the
 * local decision does not move). A later run in the same week catches up when Monday's runs failed. Mail and
 * Teams are claimed separately, so a failing webhook does not send the mail twice.
 */
export async function runWeeklySummary(deps: WeeklyDeps): Promise<WeeklyOutcome> {
  const now = deps.clock.now();
  const moment = amsterdamMoment(now);
  if (moment.weekday === 1 && moment.hour < WEEKLY_HOUR) return { kind: 'notYet' };
  const week = isoWeekOf(moment.date);
  const mailKey = `${week.key}:mail`;
  const teamsKey = `${week.key}:teams`;
  const mailClaimed = deps.directorAddress ? await deps.watch.claim('weekly', mailKey, now) : false;
  const teamsClaimed = await deps.watch.claim('weekly', teamsKey, now);
  if (!mailClaimed && !teamsClaimed) return { kind: 'alreadyDone', week: week.key };

  const reported = reportedWeek(moment.date);
  let figures: WeeklyFigures;
  try {
    figures = await computeFigures(deps, reported.key, reported.monday, reported.sunday, moment.date);
  } catch (error) {
    if (mailClaimed) await deps.watch.release('weekly', mailKey);
    if (teamsClaimed) await deps.watch.release('weekly', teamsKey);
    throw error;
  }

  let mail = 'skipped';
  if (mailClaimed && deps.directorAddress) {
    const outcome = await deps.mailer
      .send({
        letterId: `weekly:${week.key}`,
        to: { name: 'Directeur', address: deps.directorAddress },
        subject: `Klachtenregister: weekoverzicht ${reported.key}`,
        html: weeklyMailHtml(figures, deps.registerUrl, deps.organisationName),
      })
      .catch(() => ({ kind: 'notSent' as const }));
    mail = outcome.kind;
    if (outcome.kind === 'notSent') await deps.watch.release('weekly', mailKey);
  }
  let teams = 'skipped';
  if (teamsClaimed) {
    teams = await deps.teams.post(weeklyCard(figures, deps.registerUrl, deps.organisationName));
    if (teams === 'failed') await deps.watch.release('weekly', teamsKey);
  }
  deps.log?.(`weekly summary ${reported.key}: mail ${mail}, teams ${teams}`);
  return { kind: 'done', week: reported.key, mail, teams, figures };
}

/** The week a summary sent in the week of `date` reports on: the ISO week before. */
const reportedWeek = (date: WeeklyFigures['from']): ReturnType<typeof isoWeekOf> =>
  isoWeekOf(addDays(isoWeekOf(date).monday, -7));

/** What `GET /api/reports/weekly` needs: the figures' sources, not the mail and the card. */
export type WeeklyReadDeps = Pick<
  WeeklyDeps,
  'index' | 'complaints' | 'archive' | 'watch' | 'clock' | 'mailbox'
>;

/** The summary as the director's mail shows it (the API's shape, the server's figures satisfy it). */
export type { WeeklySummaryView };

/**
 * `GET /api/reports/weekly` (Directeur): the summary of the week the last Monday mail reported on (before Monday
 * 08:00 that is still the week before), with the same figures and labels as the mail; counts only, audited.
 */
export async function getWeeklySummary(
  deps: WeeklyReadDeps,
  principal: Principal,
): Promise<WeeklySummaryView> {
  requireDirector(principal);
  const now = deps.clock.now();
  const moment = amsterdamMoment(now);
  const mailedIn = moment.weekday === 1 && moment.hour < WEEKLY_HOUR ? addDays(moment.date, -7) : moment.date;
  const reported = reportedWeek(mailedIn);
  const figures = await computeFigures(deps, reported.key, reported.monday, reported.sunday, moment.date);
  await deps.watch.audit({
    at: now.toISOString(),
    actorId: principal.id,
    actorName: principal.name,
    action: 'weekly-summary',
    detail: `week ${reported.key}`,
  });
  return {
    week: reported.key,
    from: reported.monday,
    to: reported.sunday,
    figures,
    lines: weeklyLines(figures).map(([label, value]) => ({ label, value })),
  };
}

async function computeFigures(
  deps: WeeklyReadDeps,
  week: string,
  from: WeeklyFigures['from'],
  to: WeeklyFigures['to'],
  today: WeeklyFigures['from'],
): Promise<WeeklyFigures> {
  const entries = await allOf(deps.index, {});
  const year = Number(today.slice(0, 4));
  const wanted = entries.filter((e) => e.year === year || e.status === 'open');
  const items = await loadEntries(deps, wanted);
  const yearStats = items.filter((i) => i.entry.year === year).map((i) => statisticsOf(i, today));
  const failed = await deps.complaints.listOutbox({ statuses: ['failed'] });
  return weeklyFigures({
    week,
    from,
    to,
    today,
    entries,
    yearStats,
    openItems: items.filter((i) => i.entry.status === 'open'),
    lettersFailing: failed.length,
    anonymised: await deps.watch.sumCounts('anonymised', from, to),
    unreviewed: (await deps.mailbox.listUnreviewed()).length,
  });
}

/** The mail's lines, label and value; the pane shows the same. */
export function weeklyLines(f: WeeklyFigures): [string, string][] {
  return [
    ['Nieuw deze week', String(f.newCount)],
    ['Afgesloten deze week', String(f.closed)],
    ['Open', String(f.open)],
    ['Over de termijn', String(f.overdue)],
    [`Ontvangst tijdig bevestigd (${f.year})`, percent(f.acknowledgedInTime)],
    [`Tijdig afgehandeld (${f.year})`, percent(f.resolvedInTime)],
    ['Bij de directeur (open)', String(f.escalationsOpen)],
    ['Bij de onafhankelijke derde (open)', String(f.thirdPartyOpen)],
    ['Brieven niet verzonden', String(f.lettersFailing)],
    ['Geanonimiseerd deze week (bewaartermijn verstreken)', String(f.anonymised)],
    ['Nog niet beoordeeld (e-mails in de klachtenmailbox)', String(f.unreviewed)],
  ];
}

export function weeklyMailHtml(f: WeeklyFigures, registerUrl: string, organisation: string): string {
  const rows = weeklyLines(f);
  return mailDocument(
    `Weekoverzicht klachtenregister ${formatDutchDate(f.from)} t/m ${formatDutchDate(f.to)}`,
    `<p>Weekoverzicht van het klachtenregister van ${escapeHtml(organisation)}, ${escapeHtml(formatDutchDate(f.from))} t/m ${escapeHtml(formatDutchDate(f.to))}.</p>` +
      `<table style="border-collapse:collapse">${rows.map(([k, v]) => `<tr><td style="padding:2px 12px 2px 0">${escapeHtml(k)}</td><td><b>${escapeHtml(v)}</b></td></tr>`).join('')}</table>` +
      `<p><a href="${escapeHtml(registerUrl)}">Open het klachtenregister</a></p>`,
  );
}
