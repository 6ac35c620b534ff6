import type { Clock } from '../functions/src/app/ports/clock';

/** Dev only: a clock that a person or a test can set, so a complaint can be walked through months in minutes. */
export interface SettableClock extends Clock {
  set(instant: Date | null): void;
  isFixed(): boolean;
}

export function createSettableClock(): SettableClock {
  let fixed: Date | null = null;
  return {
    now: () => (fixed ? new Date(fixed) : new Date()),
    set: (instant) => (fixed = instant ? new Date(instant) : null),
    isFixed: () => fixed !== null,
  };
}
