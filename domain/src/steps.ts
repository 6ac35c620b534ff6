/**
 * The steps a handler records on a complaint (R4–R14). These names are the API's vocabulary: the request body
 * of "record a step" is exactly one of these objects, parsed with {@link stepSchema}. Each step has an `on`
 * date (the local date it happened); where the brief makes it optional, it defaults to today.
 */
import { z } from 'zod';
import { complaintNumberSchema, localDateSchema, nameSchema, partySchema, textSchema } from './schemas';
import { refuse, type Refusal } from './refusal';
import { WELL_FOUNDED } from './complaintState';

const on = localDateSchema.optional();

export const stepSchema = z.discriminatedUnion('type', [
  /** R4: the acknowledgement (with the handling term) went out, e.g. sent by hand when the mailbox could not reply. */
  z.strictObject({ type: z.literal('acknowledged'), on }),
  /** R6: more information asked of the complainant. */
  /**
   * `viaLetter: true`: the request goes out as a letter with `note` as its questions (where the pane cannot
   * open a prepared reply in Outlook); otherwise the step only records that it was asked.
   */
  z.strictObject({
    type: z.literal('informationRequested'),
    on,
    note: textSchema(2000).optional(),
    viaLetter: z.boolean().optional(),
  }),
  /** R6: a meeting to discuss the complaint. */
  z.strictObject({
    type: z.literal('meetingScheduled'),
    on,
    meetingOn: localDateSchema,
    note: textSchema(2000).optional(),
    /** An invitation letter instead of an Outlook meeting request. */
    viaLetter: z.boolean().optional(),
  }),
  /** R7: the decision after internal consultation. */
  z.strictObject({
    type: z.literal('decisionTaken'),
    on,
    summary: textSchema(5000),
    /** Gegrond / deels gegrond / ongegrond; optional so that decisions recorded before it stay valid. */
    wellFounded: z.enum(WELL_FOUNDED).optional(),
  }),
  /** R7/R9: a solution proposed to the complainant; it becomes the register's "oplossing". */
  z.strictObject({ type: z.literal('solutionProposed'), on, solution: textSchema(5000) }),
  /** R7: the complainant's answer to the proposed solution ("akkoord" / "niet akkoord"). */
  z.strictObject({ type: z.literal('agreementRecorded'), on, agreed: z.boolean() }),
  /** R7: "niet akkoord" → a meeting to clarify. */
  z.strictObject({
    type: z.literal('clarificationMeetingScheduled'),
    on,
    meetingOn: localDateSchema,
    note: textSchema(2000).optional(),
    /** An invitation letter instead of an Outlook meeting request. */
    viaLetter: z.boolean().optional(),
  }),
  /** R8: more time needed; the complainant is told within 2 working days, with reason and expected date. */
  z.strictObject({
    type: z.literal('extensionDetermined'),
    on: localDateSchema,
    reason: textSchema(2000),
    expectedBy: localDateSchema,
  }),
  /** R10: submitted to the director. */
  z.strictObject({ type: z.literal('escalated'), on: localDateSchema, reason: textSchema(2000) }),
  /** R10: the reply about how the complaint will be dealt with; it goes to the complainant as a letter (`note`). */
  z.strictObject({ type: z.literal('escalationResponded'), on, note: textSchema(2000).optional() }),
  /**
   * R13: the complainant engaged the independent third party; also after a closing without agreement, which
   * reopens the complaint.
   */
  z.strictObject({ type: z.literal('referredToThirdParty'), on }),
  /** R13: the third party's binding ruling; closes the complaint. */
  z.strictObject({ type: z.literal('bindingRuling'), on: localDateSchema, outcome: textSchema(5000) }),
  /** R2 (late) or R12 (repeat): not taken into handling; closes the complaint with a letter. */
  z.strictObject({
    type: z.literal('declaredInadmissible'),
    on,
    ground: z.enum(['late', 'repeat']),
    relatedComplaint: complaintNumberSchema.optional(),
  }),
  /** R14: a cause, by category (from the settings) and explanation. */
  z.strictObject({
    type: z.literal('causeAnalysed'),
    on,
    category: nameSchema(40),
    text: textSchema(5000),
  }),
  /** R14: a structural or preventive measure. */
  z.strictObject({
    type: z.literal('measureRecorded'),
    on,
    description: textSchema(5000),
    owner: nameSchema(200),
    dueOn: localDateSchema,
  }),
  /** R14: the complainant is informed about causes and measures, by letter. */
  z.strictObject({ type: z.literal('complainantInformed'), on: localDateSchema }),
  /** R15: another handler becomes "verantwoordelijke". */
  z.strictObject({ type: z.literal('reassigned'), on, handler: partySchema }),
  /**
   * R11: closing, allowed only as docs/procedure.md describes; the agreement follows from the recorded answer
   * (or its absence after the reaction period). `agreement: 'none'` is accepted for older clients and checked.
   */
  z.strictObject({ type: z.literal('closed'), on, agreement: z.literal('none').optional() }),
]);

/** A parsed, valid step. */
export type Step = z.output<typeof stepSchema>;
/** A step as it arrives in a request body (dates as plain strings). */
export type StepInput = z.input<typeof stepSchema>;
export type StepType = Step['type'];
export type StepOf<T extends StepType> = Extract<Step, { type: T }>;

export const STEP_TYPES = [
  'acknowledged',
  'informationRequested',
  'meetingScheduled',
  'decisionTaken',
  'solutionProposed',
  'agreementRecorded',
  'clarificationMeetingScheduled',
  'extensionDetermined',
  'escalated',
  'escalationResponded',
  'referredToThirdParty',
  'bindingRuling',
  'declaredInadmissible',
  'causeAnalysed',
  'measureRecorded',
  'complainantInformed',
  'reassigned',
  'closed',
] as const satisfies readonly StepType[];

/** Dutch labels for the timeline and the task pane's buttons. */
export const STEP_LABELS: Readonly<Record<StepType, string>> = {
  acknowledged: 'Ontvangstbevestiging verstuurd',
  informationRequested: 'Informatie opgevraagd',
  meetingScheduled: 'Afspraak gepland',
  decisionTaken: 'Besluit genomen',
  solutionProposed: 'Oplossing voorgesteld',
  agreementRecorded: 'Reactie klager vastgelegd (akkoord / niet akkoord)',
  clarificationMeetingScheduled: 'Verduidelijkingsafspraak gepland',
  extensionDetermined: 'Verlenging vastgesteld',
  escalated: 'Voorgelegd aan directeur',
  escalationResponded: 'Reactie over werkwijze gegeven',
  referredToThirdParty: 'Voorgelegd aan onafhankelijke derde',
  bindingRuling: 'Bindende uitspraak',
  declaredInadmissible: 'Niet-ontvankelijk verklaard',
  causeAnalysed: 'Oorzaak vastgesteld',
  measureRecorded: 'Maatregel vastgelegd',
  complainantInformed: 'Klager geïnformeerd',
  reassigned: 'Andere behandelaar',
  closed: 'Afgesloten',
};

/** Parses an untrusted request body into a {@link Step}, or a refusal with the problems in Dutch. */
export function parseStep(input: unknown): { ok: true; step: Step } | Refusal {
  const parsed = stepSchema.safeParse(input);
  if (parsed.success) return { ok: true, step: parsed.data };
  const problems = parsed.error.issues
    .slice(0, 5)
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
  return refuse('invalidStep', `De stap is ongeldig: ${problems}`);
}
