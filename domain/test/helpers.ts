/**
 * Shared builders for the domain tests: fixed dates only, a calendar with the default settings, and short
 * ways to register a complaint and walk it through steps.
 */
import {
  applyStep,
  complaintNumber,
  createWorkingDayCalendar,
  defaultProcedureSettings,
  localDate,
  parseStep,
  registerComplaint,
  type ComplaintState,
  type Effect,
  type LocalDate,
  type ProcedureContext,
  type ProcedureSettings,
  type RegisterComplaintInput,
  type Refusal,
  type StepInput,
} from '../src';

export const L = (s: string): LocalDate => localDate(s);

export const calendar = createWorkingDayCalendar();

export const THIRD_PARTY = {
  organisation: 'Voorrecht',
  person: 'Jeroen van der Werf',
  email: 'derde@voorrecht.example',
};

export const settings: ProcedureSettings = defaultProcedureSettings(THIRD_PARTY);

export function ctx(today: string, overrides: Partial<ProcedureSettings> = {}): ProcedureContext {
  const s = { ...settings, ...overrides };
  return {
    today: L(today),
    calendar: overrides.calendar ? createWorkingDayCalendar(s.calendar) : calendar,
    settings: s,
  };
}

/** Fixture 01 (01-factuur-dubbel.json): Marieke de Vries, received Monday 2 March 2026, arose 20 February. */
export function input(overrides: Partial<RegisterComplaintInput> = {}): RegisterComplaintInput {
  return {
    number: complaintNumber('K-2026-0001'),
    origin: {
      internetMessageId: '<AM0PR01MB1111.eur.prod.outlook.com@voorbeeld.nl>',
      conversationId: 'AAQkAGI1-conv-0001',
    },
    receivedOn: L('2026-03-02'),
    aroseOn: L('2026-02-20'),
    complainant: { name: 'Marieke de Vries', address: 'marieke.devries@voorbeeld.nl' },
    subject: 'Klacht over dubbele factuur training Agile Coaching',
    description: 'Twee facturen voor dezelfde training ontvangen.',
    body: 'Geachte heer/mevrouw, …',
    attachments: [{ name: 'factuur-2026-0211.pdf', contentType: 'application/pdf', size: 193 }],
    handler: { name: 'Eva Klachtbehandelaar', address: 'eva@lagant-voorbeeld.nl' },
    term: 'P6W',
    ...overrides,
  };
}

export function registered(
  overrides: Partial<RegisterComplaintInput> = {},
  today = '2026-03-02',
): ComplaintState {
  const r = registerComplaint(input(overrides), ctx(today));
  if (!r.ok) throw new Error(`registration refused: ${r.reason} ${r.message}`);
  return r.state;
}

export function step(
  state: ComplaintState,
  body: StepInput,
  today: string,
  c: ProcedureContext = ctx(today),
): { ok: true; state: ComplaintState; effects: Effect[] } | Refusal {
  const parsed = parseStep(body);
  if (!parsed.ok) return parsed;
  return applyStep(state, parsed.step, c);
}

/** Applies steps in order and fails the test on the first refusal. */
export function walk(state: ComplaintState, steps: readonly [StepInput, string][]): ComplaintState {
  let s = state;
  for (const [body, today] of steps) {
    const r = step(s, body, today);
    if (!r.ok) throw new Error(`step ${body.type} refused: ${r.reason} ${r.message}`);
    s = r.state;
  }
  return s;
}

export function refused(
  state: ComplaintState,
  body: StepInput,
  today: string,
  c?: ProcedureContext,
): Refusal {
  const r = step(state, body, today, c);
  if (r.ok) throw new Error(`step ${body.type} was expected to be refused`);
  return r;
}
