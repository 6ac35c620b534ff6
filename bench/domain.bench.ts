/**
 * The cost of the procedure's deadline arithmetic: all five deadlines of one complaint (acknowledgeBy,
 * resolveBy, extensionNoticeBy, escalationResponseBy, retainUntil) for 100,000 complaints received over
 * 2025–2030. The timer checks and the yearly analysis recompute these for the whole register, so they must
 * stay cheap next to what every date computation costs anyway.
 *
 * Floor: the same loop doing only the unavoidable part, parsing each input date and formatting a result
 * (plain calendar-day arithmetic, no working-day calendar, no month arithmetic).
 */
import type { Bench, BenchFigure } from './bench';
import {
  STANDARD_TERMS,
  acknowledgeBy,
  createWorkingDayCalendar,
  escalationResponseBy,
  extensionNoticeBy,
  fromEpochDay,
  localDate,
  parseHandlingTerm,
  resolveBy,
  retainUntil,
  toEpochDay,
  type HandlingTerm,
  type LocalDate,
  type WorkingDayCalendar,
} from '../domain/src';

const COMPLAINTS = 100_000;
const RUNS = 7;

interface Complaint {
  receivedOn: LocalDate;
  term: HandlingTerm;
  extensionOn: LocalDate;
  escalatedOn: LocalDate;
  closedOn: LocalDate;
}

/** Deterministic inputs: receipt dates spread evenly over 2025-01-01 … 2030-12-31, the other dates after them. */
function complaints(): Complaint[] {
  const first = toEpochDay(localDate('2025-01-01'));
  const span = toEpochDay(localDate('2030-12-31')) - first + 1;
  const terms = STANDARD_TERMS.map((t) => {
    const r = parseHandlingTerm(t);
    if (!r.ok) throw new Error(r.message);
    return r.term;
  });
  const list: Complaint[] = [];
  for (let i = 0; i < COMPLAINTS; i++) {
    const received = first + ((i * 7919) % span); // a stride co-prime with the span visits every day
    list.push({
      receivedOn: fromEpochDay(received),
      term: terms[i % terms.length]!,
      extensionOn: fromEpochDay(received + 30 + (i % 40)),
      escalatedOn: fromEpochDay(received + 5 + (i % 20)),
      closedOn: fromEpochDay(received + 40 + (i % 50)),
    });
  }
  return list;
}

function allDeadlines(cal: WorkingDayCalendar, list: readonly Complaint[]): number {
  let check = 0;
  for (const c of list) {
    check += acknowledgeBy(cal, c.receivedOn).charCodeAt(9);
    check += resolveBy(cal, c.receivedOn, c.term).charCodeAt(9);
    check += extensionNoticeBy(cal, c.extensionOn).charCodeAt(9);
    check += escalationResponseBy(cal, c.escalatedOn).charCodeAt(9);
    check += retainUntil(cal, c.closedOn, 2).charCodeAt(9);
  }
  return check;
}

function floor(list: readonly Complaint[]): number {
  let check = 0;
  for (const c of list) {
    check += fromEpochDay(toEpochDay(c.receivedOn) + 7).charCodeAt(9);
    check += fromEpochDay(toEpochDay(c.receivedOn) + 42).charCodeAt(9);
    check += fromEpochDay(toEpochDay(c.extensionOn) + 2).charCodeAt(9);
    check += fromEpochDay(toEpochDay(c.escalatedOn) + 30).charCodeAt(9);
    check += fromEpochDay(toEpochDay(c.closedOn) + 730).charCodeAt(9);
  }
  return check;
}

/** Microseconds per complaint of one pass. */
function time(pass: () => number): { us: number; check: number } {
  const start = process.hrtime.bigint();
  const check = pass();
  const ns = Number(process.hrtime.bigint() - start);
  return { us: ns / 1000 / COMPLAINTS, check };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const bench: Bench = {
  title: 'Procedure engine: deadlines',
  run(): Promise<BenchFigure[]> {
    const list = complaints();
    // Cold: a fresh calendar computes each year's table on first use (the holiday table is decoded per year once per process).
    const cold = time(() => allDeadlines(createWorkingDayCalendar(), list));
    const cal = createWorkingDayCalendar();
    allDeadlines(cal, list);
    floor(list);
    const warm: number[] = [];
    const floors: number[] = [];
    let check = cold.check;
    for (let r = 0; r < RUNS; r++) {
      const f = time(() => floor(list));
      const w = time(() => allDeadlines(cal, list));
      floors.push(f.us);
      warm.push(w.us);
      check += f.check + w.check;
    }
    if (check === 0) throw new Error('unreachable: keeps the loops from being optimised away');
    const floorValue = median(floors);
    return Promise.resolve([
      {
        name: `all 5 deadlines per complaint (${COMPLAINTS.toLocaleString('en')} complaints 2025–2030, median of ${RUNS})`,
        value: median(warm),
        unit: 'µs/complaint',
        floor: { name: 'parse + day arithmetic + format only', value: floorValue },
        goal: 5,
      },
      {
        name: 'same, first pass with a new calendar (builds the year tables)',
        value: cold.us,
        unit: 'µs/complaint',
        floor: { name: 'parse + day arithmetic + format only', value: floorValue },
      },
    ]);
  },
};

export default bench;
