import type { ClosedAs } from '../../../domain/src/complaintState';
import type { DeadlineOutcome } from '../../../domain/src/pendingDeadlines';
import { parseHandlingTerm } from '../../../domain/src/handlingTerm';

/** The Dutch words every export and report uses for the domain's codes: an auditor never reads a code. */
export const CLOSED_AS_LABELS: Readonly<Record<ClosedAs, string>> = {
  handled: 'afgehandeld',
  inadmissible: 'niet-ontvankelijk',
  bindingRuling: 'bindende uitspraak derde',
};

export const DEADLINE_OUTCOME_LABELS: Readonly<Record<DeadlineOutcome, string>> = {
  met: 'gehaald',
  missed: 'niet gehaald',
  pending: 'loopt',
  overdue: 'verstreken',
};

const UNIT_WORDS = { D: ['dag', 'dagen'], W: ['week', 'weken'], M: ['maand', 'maanden'] } as const;

/** `P6W` → "6 weken", `P1M` → "1 maand"; an unreadable term is shown as it is. */
export function handlingTermLabel(iso: string): string {
  const parsed = parseHandlingTerm(iso);
  if (!parsed.ok) return iso;
  const [one, many] = UNIT_WORDS[parsed.term.unit];
  return `${parsed.term.amount} ${parsed.term.amount === 1 ? one : many}`;
}
