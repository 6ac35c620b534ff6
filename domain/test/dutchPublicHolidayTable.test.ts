/**
 * The committed holiday table is what `date-holidays` answers, for every year a date can hold: the calendar reads
 * the table at run time, so a library update or a hand edit that makes them disagree must fail here.
 */
import { readFileSync } from 'node:fs';
import { createWorkingDayCalendar } from '../src/workingDayCalendar';
import { holidayTable, holidayTableFirstYear } from '../src/dutchPublicHolidayTable';
import { MAX_YEAR, MIN_YEAR } from '../src/localDate';
import { holidayTableFile, libraryPublicHolidays, renderHolidayTable } from '../../scripts/holidays';

describe('Dutch public holiday table', () => {
  it('covers every year a date can hold', () => {
    expect(holidayTableFirstYear).toBe(MIN_YEAR);
    expect(holidayTableFirstYear + holidayTable.length - 1).toBe(MAX_YEAR);
  });

  it('equals date-holidays for every year in range', () => {
    const calendar = createWorkingDayCalendar({ liberationDay: 'never' });
    for (let year = MIN_YEAR; year <= MAX_YEAR; year++) {
      const fromTable = calendar
        .daysOffIn(year)
        .filter((d) => d.name !== 'Koningsdag')
        .map(({ date, name }) => ({ date, name }));
      const fromLibrary = libraryPublicHolidays(year).sort((a, b) => a.date.localeCompare(b.date));
      expect({ year, days: fromTable }).toEqual({ year, days: fromLibrary });
    }
  });

  it('is what npm run holidays writes', () => {
    expect(readFileSync(holidayTableFile, 'utf8')).toBe(renderHolidayTable());
  });

  it('fails loudly for a year outside the table', () => {
    const calendar = createWorkingDayCalendar();
    expect(() => calendar.daysOffIn(MAX_YEAR + 1)).toThrow(RangeError);
    expect(() => calendar.daysOffIn(MIN_YEAR - 1)).toThrow(RangeError);
  });
});
