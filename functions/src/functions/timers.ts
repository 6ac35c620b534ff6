import type { TimerHandler } from '@azure/functions';
import type { Services, ServicesFactory } from '../composition';
import type { FunctionDefinition } from '../definitions';
import { runWeeklySummary } from '../reports/weeklySummary';
import { runYearlyAnalysisMail } from '../reports/yearlyReport';
import { deadlineSweep } from '../watch/deadlineSweep';
import { runRetention } from '../watch/retention';

/**
 * Schedules in UTC (NCRONTAB with seconds). Linux plans ignore WEBSITE_TIME_ZONE, so nothing here is "08:00
 * local": the hourly triggers decide in Europe/Amsterdam time inside the use case.
 */
export const timerSchedules = {
  deadlineSweep: '0 5 * * * *',
  weeklySummary: '0 0 * * * *',
  yearlyAnalysis: '0 30 6 * * *',
  retention: '0 15 2 * * *',
} as const;

/** Where the mails' and the card's link leads: the task pane, which shows the register to those who may see it. */
export const registerUrlOf = (s: Services): string => `${s.config.addinOrigin}/taskpane.html`;

const common = (s: Services) => ({
  index: s.index,
  complaints: s.complaints,
  watch: s.watch,
  mailer: s.mailer,
  clock: s.clock,
  directorAddress: s.procedure.settings.directorAddress || undefined,
  registerUrl: registerUrlOf(s),
  organisationName: s.config.organisationName,
});

const timer =
  (
    services: ServicesFactory,
    run: (s: Services, log: (line: string) => void) => Promise<unknown>,
  ): TimerHandler =>
  async (_timer, context) => {
    await run(await services(), (line) => context.log(line));
  };

/** The timers: deadline watch, weekly summary, yearly analysis, retention. Logs carry counts only. */
export function timerFunctions(services: ServicesFactory): FunctionDefinition[] {
  return [
    {
      kind: 'timer',
      name: 'deadlineSweep',
      schedule: timerSchedules.deadlineSweep,
      handler: timer(services, (s, log) =>
        deadlineSweep({
          ...common(s),
          calendar: s.procedure.calendar,
          reminderWorkingDays: s.procedure.settings.reminderWorkingDays,
          mailbox: s.conversation.mailboxStore,
          log,
        }),
      ),
    },
    {
      kind: 'timer',
      name: 'weeklySummary',
      schedule: timerSchedules.weeklySummary,
      handler: timer(services, (s, log) =>
        runWeeklySummary({
          ...common(s),
          archive: s.archive,
          teams: s.teams,
          mailbox: s.conversation.mailboxStore,
          log,
        }),
      ),
    },
    {
      kind: 'timer',
      name: 'yearlyAnalysis',
      schedule: timerSchedules.yearlyAnalysis,
      handler: timer(services, (s, log) =>
        runYearlyAnalysisMail({
          ...common(s),
          archive: s.archive,
          numbers: s.numbers,
          causeCategories: s.procedure.settings.causeCategories,
          reportUrl: registerUrlOf(s),
          log,
        }),
      ),
    },
    {
      kind: 'timer',
      name: 'retention',
      schedule: timerSchedules.retention,
      handler: timer(services, (s, log) =>
        runRetention({
          index: s.index,
          complaints: s.complaints,
          archive: s.archive,
          files: s.files,
          watch: s.watch,
          clock: s.clock,
          log,
        }),
      ),
    },
  ];
}
