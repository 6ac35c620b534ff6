/**
 * Registering an e-mail as a complaint (R1, R2, R4, R5): the factory of {@link ComplaintState}. It computes the
 * deadlines, flags a late complaint (without refusing it: the handler decides, R2) and queues the
 * acknowledgement letter.
 */
import { z } from 'zod';
import { isLate } from './admissibility';
import { applyStep } from './lifecycle';
import type { ComplaintNumber } from './complaintNumber';
import type { AttachmentRef, ComplaintState, Party } from './complaintState';
import { acknowledgeBy, resolveBy } from './deadlines';
import type { Effect } from './effects';
import { checkHandlingTerm, parseHandlingTerm } from './handlingTerm';
import { formatDutchDate, type LocalDate } from './localDate';
import { pendingDeadlines } from './pendingDeadlines';
import type { ProcedureContext, StepResult } from './procedureContext';
import { refuse, type Refusal } from './refusal';
import { complaintNumberSchema, localDateSchema, partySchema, textSchema } from './schemas';

export const attachmentRefSchema = z.strictObject({
  name: z.string().max(500),
  contentType: z.string().max(200),
  size: z.number().int().min(0),
  blobName: z.string().max(1000).optional(),
});

/**
 * The handler's admissibility decision made before registering (R2, R12): the complaint is registered and at
 * once declared inadmissible, so the inadmissibility letter is the only letter that goes out.
 */
export const admissibilitySchema = z.strictObject({
  decision: z.literal('inadmissible'),
  ground: z.enum(['late', 'repeat']),
  relatedComplaint: complaintNumberSchema.optional(),
});
export type Admissibility = z.output<typeof admissibilitySchema>;

/** The request body of "register complaint", without the number (storage assigns it). */
export const registrationSchema = z.strictObject({
  origin: z.strictObject({
    internetMessageId: z.string().trim().min(1).max(2000),
    conversationId: z.string().max(2000).optional(),
  }),
  /** The receipt date in Amsterdam (the edge converts the message's received time with `toAmsterdamDate`). */
  receivedOn: localDateSchema,
  aroseOn: localDateSchema.optional(),
  complainant: partySchema,
  subject: z.string().max(2000),
  description: textSchema(5000),
  body: z.string().max(2_000_000),
  remedy: textSchema(2000).optional(),
  attachments: z.array(attachmentRefSchema).max(250).default([]),
  handler: partySchema,
  /** ISO 8601 duration; default: the settings' default term. */
  term: z.string().max(20).optional(),
  admissibility: admissibilitySchema.optional(),
});

export type Registration = z.output<typeof registrationSchema>;

export interface RegisterComplaintInput {
  number: ComplaintNumber;
  origin: { internetMessageId: string; conversationId?: string };
  receivedOn: LocalDate;
  aroseOn?: LocalDate;
  complainant: Party;
  subject: string;
  /** R11 "omschrijving klacht"; the task pane prefills it with the subject. */
  description: string;
  body: string;
  /** "Gewenste oplossing", optional. */
  remedy?: string;
  attachments: readonly AttachmentRef[];
  /** R11/R15 "verantwoordelijke". */
  handler: Party;
  term?: string;
  /** Registered as inadmissible right away: no acknowledgement, only the inadmissibility letter. */
  admissibility?: Admissibility;
}

export const registerComplaintInputSchema = registrationSchema.extend({ number: complaintNumberSchema });

/**
 * Everything that can refuse a registration, without needing a number: call it before reserving the next
 * number so that a refused registration leaves no gap in the numbering.
 */
export function checkRegistration(
  input: Omit<RegisterComplaintInput, 'number'>,
  ctx: ProcedureContext,
): Refusal | undefined {
  if (input.receivedOn > ctx.today) {
    return refuse(
      'dateInFuture',
      `De ontvangstdatum ${formatDutchDate(input.receivedOn)} ligt in de toekomst.`,
    );
  }
  if (input.aroseOn !== undefined && input.aroseOn > input.receivedOn) {
    return refuse(
      'aroseAfterReceipt',
      `"Ontstaan op" (${formatDutchDate(input.aroseOn)}) ligt na de ontvangstdatum (${formatDutchDate(input.receivedOn)}).`,
    );
  }
  if (
    input.description.trim() === '' ||
    input.complainant.name.trim() === '' ||
    input.handler.name.trim() === ''
  ) {
    return refuse('invalidInput', 'Omschrijving, naam klager en verantwoordelijke zijn verplicht.');
  }
  const parsed = parseHandlingTerm(input.term ?? ctx.settings.defaultTerm);
  if (!parsed.ok) return parsed;
  return checkHandlingTerm(input.receivedOn, parsed.term) ?? checkAdmissibility(input);
}

/** What can be said about an inadmissibility decision before the complaint exists. */
function checkAdmissibility(input: Omit<RegisterComplaintInput, 'number'>): Refusal | undefined {
  const a = input.admissibility;
  if (!a) return undefined;
  if (a.ground === 'late' && !isLate(input.receivedOn, input.aroseOn)) {
    return refuse(
      'notLate',
      input.aroseOn === undefined
        ? 'Geef aan wanneer het probleem ontstond; alleen dan kan de klacht te laat zijn ingediend.'
        : 'De klacht is binnen twee weken na het ontstaan ontvangen en dus niet te laat ingediend.',
    );
  }
  if (a.ground === 'repeat' && a.relatedComplaint === undefined) {
    return refuse('relatedComplaintMissing', 'Geef het nummer van de eerdere klacht waarop al is beslist.');
  }
  return undefined;
}

/** Builds the new complaint, or refuses (future receipt date, "ontstaan op" after receipt, term out of bounds). */
export function registerComplaint(input: RegisterComplaintInput, ctx: ProcedureContext): StepResult {
  return checkRegistration(input, ctx) ?? buildCheckedComplaint(input, ctx);
}

/**
 * Builds the new complaint from input that {@link checkRegistration} already accepted (the caller checks once
 * and may build more than once, e.g. a dry run before a number is taken). Still refuses a term out of bounds.
 */
export function buildCheckedComplaint(input: RegisterComplaintInput, ctx: ProcedureContext): StepResult {
  const parsed = parseHandlingTerm(input.term ?? ctx.settings.defaultTerm);
  if (!parsed.ok) return parsed;
  const term = parsed.term;
  const deadlines = {
    acknowledgeBy: acknowledgeBy(ctx.calendar, input.receivedOn),
    resolveBy: resolveBy(ctx.calendar, input.receivedOn, term),
  };
  const state: ComplaintState = {
    version: 1,
    number: input.number,
    status: 'open',
    origin: { ...input.origin },
    receivedOn: input.receivedOn,
    registeredOn: ctx.today,
    ...(input.aroseOn !== undefined ? { aroseOn: input.aroseOn } : {}),
    late: isLate(input.receivedOn, input.aroseOn),
    complainant: { ...input.complainant },
    subject: input.subject,
    description: input.description.trim(),
    body: input.body,
    ...(input.remedy?.trim() ? { remedy: input.remedy.trim() } : {}),
    attachments: input.attachments.map((a) => ({ ...a })),
    handler: { ...input.handler },
    term: term.iso,
    deadlines,
    proposals: [],
    extensions: [],
    escalations: [],
    legalHold: false,
    causes: [],
    measures: [],
    complainantInformedOn: [],
    letters: [{ seq: 1, kind: 'acknowledgement', queuedOn: ctx.today }],
    timeline: [{ seq: 1, on: ctx.today, type: 'registered' }],
  };
  const effects: Effect[] = [
    {
      type: 'sendLetter',
      letter: {
        seq: 1,
        kind: 'acknowledgement',
        complaintNumber: state.number,
        to: state.complainant,
        inReplyTo: state.origin.internetMessageId,
        receivedOn: state.receivedOn,
        term: state.term,
        resolveBy: deadlines.resolveBy,
      },
    },
    ...pendingDeadlines(state).map((p): Effect => ({
      type: 'deadlineChanged',
      deadline: p.deadline,
      from: null,
      to: p.due,
    })),
  ];
  if (!input.admissibility) return { ok: true, state, effects };
  // Declared inadmissible in the same breath: the acknowledgement is never queued.
  const unacknowledged: ComplaintState = { ...state, letters: [] };
  const declared = applyStep(
    unacknowledged,
    {
      type: 'declaredInadmissible',
      on: ctx.today,
      ground: input.admissibility.ground,
      ...(input.admissibility.relatedComplaint !== undefined
        ? { relatedComplaint: input.admissibility.relatedComplaint }
        : {}),
    },
    ctx,
  );
  if (!declared.ok) return declared;
  return {
    ok: true,
    state: declared.state,
    effects: [...effects.filter((e) => e.type !== 'sendLetter'), ...declared.effects],
  };
}
