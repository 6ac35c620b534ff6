import type { Clock } from '../app/ports/clock';

/** The real time, for production; tests and the local stack pass their own clock. */
export const systemClock: Clock = { now: () => new Date() };
