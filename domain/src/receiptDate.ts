import type { LocalDate } from './localDate';
import { refuse, type Refusal } from './refusal';

/** Used when the organisation has not set its start date (`KR_ORGANISATION_START`). */
export const defaultOrganisationStart = '2000-01-01' as LocalDate;

/**
 * A complaint cannot have been received before the organisation existed; such a date is a typo or a forged
 * request (a receipt date in 1900 would also distort every deadline and the yearly figures).
 */
export function checkReceiptDate(receivedOn: LocalDate, organisationStart: LocalDate): Refusal | undefined {
  if (receivedOn >= organisationStart) return undefined;
  return refuse(
    'receivedBeforeStart',
    `De ontvangstdatum ligt vóór ${organisationStart}, de startdatum van de organisatie. Controleer de datum.`,
  );
}
