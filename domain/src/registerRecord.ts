/**
 * The register record of R11 ("De klacht wordt opgenomen in het klachtenregistratiesysteem onder vermelding
 * van: omschrijving klacht; naam klager; verantwoordelijke; oplossing; wel/niet overeenstemming met klant") and
 * the summary R12 compares against. The export (CSV/XLSX) and the closing check read these, so the five
 * fields are defined once.
 */
import type { ComplaintSummary } from './admissibility';
import type { ComplaintNumber } from './complaintNumber';
import {
  AGREEMENT_LABELS,
  type Agreement,
  type ClosedAs,
  type ComplaintState,
  type ComplaintStatus,
  type WellFounded,
} from './complaintState';
import type { LocalDate } from './localDate';

export type RegisterField = 'description' | 'complainantName' | 'handler' | 'solution' | 'agreement';

/** The Dutch names of the R11 fields, as the procedure writes them. */
export const REGISTER_FIELD_LABELS: Readonly<Record<RegisterField, string>> = {
  description: 'omschrijving klacht',
  complainantName: 'naam klager',
  handler: 'verantwoordelijke',
  solution: 'oplossing',
  agreement: 'overeenstemming met klager',
};

export interface RegisterRecord {
  number: ComplaintNumber;
  receivedOn: LocalDate;
  status: ComplaintStatus;
  closedOn?: LocalDate;
  closedAs?: ClosedAs;
  /** omschrijving klacht */
  description: string;
  /** naam klager */
  complainantName: string;
  /** verantwoordelijke */
  handlerName: string;
  /** oplossing: the latest proposed solution, the binding ruling, or why the complaint was not handled. */
  solution?: string;
  /** wel/niet overeenstemming */
  agreement?: Agreement;
  agreementLabel?: string;
  /** gewenste oplossing (what the complainant asked for), when recorded. */
  remedy?: string;
  /** gegrond / deels gegrond / ongegrond, as decided. */
  wellFounded?: WellFounded;
}

/**
 * The "oplossing" of the register: the latest proposed solution; a binding ruling replaces it; a complaint
 * declared inadmissible records why it was not handled.
 */
export function solutionOf(state: ComplaintState): string | undefined {
  const ruling = state.thirdParty?.ruling;
  if (ruling) return `Bindende uitspraak onafhankelijke derde: ${ruling.outcome}`;
  if (state.inadmissible) {
    return state.inadmissible.ground === 'late'
      ? 'Niet in behandeling genomen: later dan twee weken na het ontstaan ingediend.'
      : `Niet in behandeling genomen: herhaalde klacht, eerder beslist onder ${state.inadmissible.relatedComplaint ?? '?'}.`;
  }
  return state.proposals.at(-1)?.solution;
}

/** The R11 fields that are still empty. `agreement` is only known once closed (or answered). */
export function missingRegisterFields(state: ComplaintState): RegisterField[] {
  const missing: RegisterField[] = [];
  if (state.description.trim() === '') missing.push('description');
  if (state.complainant.name.trim() === '') missing.push('complainantName');
  if (state.handler.name.trim() === '') missing.push('handler');
  if ((solutionOf(state) ?? '').trim() === '') missing.push('solution');
  if (state.agreement === undefined && state.proposals.at(-1)?.answer === undefined)
    missing.push('agreement');
  return missing;
}

/** The R11 record of a complaint, for the register view and the export. */
export function toRegisterRecord(state: ComplaintState): RegisterRecord {
  const solution = solutionOf(state);
  return {
    number: state.number,
    receivedOn: state.receivedOn,
    status: state.status,
    ...(state.closedOn !== undefined ? { closedOn: state.closedOn } : {}),
    ...(state.closedAs !== undefined ? { closedAs: state.closedAs } : {}),
    description: state.description,
    complainantName: state.complainant.name,
    handlerName: state.handler.name,
    ...(solution !== undefined ? { solution } : {}),
    ...(state.agreement !== undefined
      ? { agreement: state.agreement, agreementLabel: AGREEMENT_LABELS[state.agreement] }
      : {}),
    ...(state.remedy !== undefined ? { remedy: state.remedy } : {}),
    ...(state.decision?.wellFounded !== undefined ? { wellFounded: state.decision.wellFounded } : {}),
  };
}

/**
 * What R12 compares: the complainant, the subject and the date of the decision. A decision is a
 * "besluit genomen" step or a declaration of inadmissibility; both are "een beslissing" on that complaint.
 */
export function summaryOf(state: ComplaintState): ComplaintSummary {
  const decidedOn = state.decision?.on ?? state.inadmissible?.on;
  return {
    number: state.number,
    complainant: { name: state.complainant.name, address: state.complainant.address },
    subject: state.subject,
    ...(decidedOn !== undefined ? { decidedOn } : {}),
  };
}
