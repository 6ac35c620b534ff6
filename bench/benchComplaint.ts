/**
 * The complaints the benches seed: made by the domain's own registration and steps (so their index and search
 * rows are what the app derives), with names, addresses and subjects varied enough to search in.
 */
import { randomUUID } from 'node:crypto';
import { applyStep } from '../domain/src/lifecycle';
import { type LocalDate, addDays } from '../domain/src/localDate';
import { registerComplaint } from '../domain/src/registerComplaint';
import { defaultProcedureSettings } from '../domain/src/settings';
import type { Step } from '../domain/src/steps';
import { createWorkingDayCalendar } from '../domain/src/workingDayCalendar';
import type { ComplaintState } from '../domain/src/complaintState';
import type { ComplaintDocument } from '../functions/src/app/complaintDocument';

export const settings = defaultProcedureSettings({
  organisation: 'Derde',
  person: '',
  email: 'derde@example.org',
});
export const calendar = createWorkingDayCalendar(settings.calendar);
const ctx = (today: LocalDate) => ({ today, calendar, settings });

export const FIRST = ['Noor', 'Sem', 'Zoë', 'Daan', 'Femke', 'Luuk', 'Anouk', 'Bram', 'Eva', 'Jesse'];
export const LAST = Array.from(
  { length: 100 },
  (_, i) => `${['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit'][i % 5]}${i}`,
);
export const TOPICS = [
  'factuur',
  'verwarming',
  'lesrooster',
  'docent',
  'examen',
  'parkeren',
  'lekkage',
  'wachttijd',
];

/** Complaint `i`: open (acknowledged, except every tenth) or closed after the whole procedure. */
export function benchComplaint(
  i: number,
  year: number,
  receivedOn: LocalDate,
  close: boolean,
): ComplaintDocument {
  const number = `K-${year}-${String((i % 9999) + 1).padStart(4, '0')}` as ComplaintState['number'];
  const r = registerComplaint(
    {
      number,
      origin: { internetMessageId: `<bench-${i}@example.org>` },
      receivedOn,
      complainant: {
        name: `${FIRST[i % 10]} ${LAST[Math.floor(i / 10) % 100]}`,
        address: `klager${i}@example.org`,
      },
      subject: `Klacht over ${TOPICS[i % 8]} en ${TOPICS[Math.floor(i / 8) % 8]}`,
      description: `Omschrijving ${i}`,
      body: 'Tekst van de klacht.',
      attachments: [],
      handler: { name: 'Sanne Bakker', address: 'sanne@example.org' },
    },
    ctx(receivedOn),
  );
  if (!r.ok) throw new Error(r.message);
  let state = r.state;
  if (!close && i % 10 !== 0) {
    const acked = applyStep(
      state,
      { type: 'acknowledged', on: addDays(receivedOn, 1) },
      ctx(addDays(receivedOn, 1)),
    );
    if (!acked.ok) throw new Error(acked.message);
    state = acked.state;
  }
  if (close) {
    const steps: Step[] = [
      { type: 'acknowledged', on: addDays(receivedOn, 2 + (i % 6)) },
      { type: 'decisionTaken', on: addDays(receivedOn, 20), summary: 'Besluit' },
      { type: 'solutionProposed', on: addDays(receivedOn, 21), solution: 'Oplossing' },
      { type: 'agreementRecorded', on: addDays(receivedOn, 25), agreed: true },
      {
        type: 'causeAnalysed',
        on: addDays(receivedOn, 26),
        category: settings.causeCategories[i % 9] ?? 'overig',
        text: 'Oorzaak',
      },
      { type: 'closed', on: addDays(receivedOn, 30 + (i % 40)) },
    ];
    for (const step of steps) {
      const next = applyStep(state, step, ctx(addDays(receivedOn, 80)));
      if (!next.ok) throw new Error(`${step.type}: ${next.message}`);
      state = next.state;
    }
  }
  return {
    id: randomUUID(),
    year,
    registeredAt: `${receivedOn}T10:00:00Z`,
    registeredBy: { id: 'bench', name: 'Bench' },
    message: {
      internetMessageId: state.origin.internetMessageId,
      conversationId: '',
      subject: state.subject,
      from: state.complainant,
      receivedAt: `${receivedOn}T09:00:00Z`,
    },
    state,
    actors: {},
  };
}
