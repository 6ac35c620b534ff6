import type { ComplaintStatistics } from './anonymise';
import type { LocalDate } from './localDate';

/**
 * A statistical record made on one day, as it reads on `today`: the only part of `toStatistics` that depends on
 * the day is whether a deadline not yet done is `pending` or `overdue`, so that is derived again; everything
 * else is the complaint's own. `statisticsAsOf(toStatistics(state, d1), d2)` equals `toStatistics(state, d2)`.
 */
export function statisticsAsOf(record: ComplaintStatistics, today: LocalDate): ComplaintStatistics {
  return {
    ...record,
    deadlineOutcomes: record.deadlineOutcomes.map((d) =>
      d.doneOn !== undefined ? d : { ...d, outcome: today <= d.due ? 'pending' : 'overdue' },
    ),
  };
}
