/**
 * The handling term of R5 ("termijn waarbinnen de klacht zal worden behandeld (minimaal 6 weken, maximaal
 * 3 maanden)"), written as an ISO 8601 duration with one unit: `P6W`, `P8W`, `P2M`, `P3M`, `P60D`.
 *
 * Reading of the bounds: weeks and months do not convert into each other (3 months are 89 to 92 days), so a
 * term is checked against the receipt date it applies to: it is allowed when
 * `receipt + 6 weeks ≤ receipt + term ≤ receipt + 3 months`, all three computed with plain calendar arithmetic
 * before rolling to a working day. `P13W` (91 days) is therefore allowed for a complaint received on 1 March
 * (3 months = 92 days) and refused for one received on 30 November (3 months = 90 days). The terms in
 * {@link STANDARD_TERMS} are allowed for every receipt date; the task pane offers those.
 */
import { addCalendarMonths, addCalendarWeeks } from './calendarArithmetic';
import { addDays, formatDutchDate, type LocalDate } from './localDate';
import { refuse, type Refusal } from './refusal';

export type HandlingTermUnit = 'D' | 'W' | 'M';

export interface HandlingTerm {
  /** The normalised ISO 8601 text, e.g. `P6W`. */
  readonly iso: string;
  readonly amount: number;
  readonly unit: HandlingTermUnit;
}

/** Terms that lie within [6 weeks, 3 months] for any receipt date. */
export const STANDARD_TERMS = ['P6W', 'P8W', 'P10W', 'P12W', 'P2M', 'P3M'] as const;

/** The default of R5 when the handler picks nothing. */
export const DEFAULT_TERM = 'P6W';

const SYNTAX = /^P([1-9]\d{0,2})([DWM])$/;

/**
 * Parses `P<n>D`, `P<n>W` or `P<n>M` (case-insensitive, 1 ≤ n ≤ 999). Combined units (`P1M2W`), years and
 * times are refused: the procedure speaks of weeks and months only, and one unit keeps the letter readable.
 */
export function parseHandlingTerm(text: string): { ok: true; term: HandlingTerm } | Refusal {
  const m = SYNTAX.exec(text.trim().toUpperCase());
  if (!m) {
    return refuse(
      'termSyntax',
      `De behandeltermijn "${text.slice(0, 20)}" is geen geldige termijn. Gebruik bijvoorbeeld P6W (6 weken), P8W of P3M (3 maanden).`,
    );
  }
  const amount = Number(m[1]);
  const unit = m[2] as HandlingTermUnit;
  return { ok: true, term: Object.freeze({ iso: `P${amount}${unit}`, amount, unit }) };
}

/** `date` + `term`, plain calendar arithmetic (no working-day roll). */
export function addHandlingTerm(date: LocalDate, term: HandlingTerm): LocalDate {
  switch (term.unit) {
    case 'D':
      return addDays(date, term.amount);
    case 'W':
      return addCalendarWeeks(date, term.amount);
    case 'M':
      return addCalendarMonths(date, term.amount);
  }
}

/** `undefined` when the term lies within [6 weeks, 3 months] after `receivedOn`; otherwise the refusal. */
export function checkHandlingTerm(receivedOn: LocalDate, term: HandlingTerm): Refusal | undefined {
  const end = addHandlingTerm(receivedOn, term);
  const min = addCalendarWeeks(receivedOn, 6);
  const max = addCalendarMonths(receivedOn, 3);
  if (end < min) {
    return refuse(
      'termTooShort',
      `De behandeltermijn ${term.iso} is korter dan de minimale 6 weken: hij zou eindigen op ${formatDutchDate(end)}, vóór ${formatDutchDate(min)}.`,
    );
  }
  if (end > max) {
    return refuse(
      'termTooLong',
      `De behandeltermijn ${term.iso} is langer dan de maximale 3 maanden: hij zou eindigen op ${formatDutchDate(end)}, na ${formatDutchDate(max)}. Is meer tijd nodig, leg dan later een verlenging vast.`,
    );
  }
  return undefined;
}
