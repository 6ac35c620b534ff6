import type { AuditEntry } from './complaintStore';

/**
 * What the timers remember between runs. Timers fire more than once (the hourly trigger, a retry after a
 * crash, two instances overlapping), so every action that must happen once is guarded by a *claim*: a row
 * created with `createEntity`, which storage refuses the second time. The first run to create it acts; the
 * others see the conflict and skip.
 */
export interface WatchStore {
  /** True when this caller created the mark `scope`/`key` now; false when it already existed. */
  claim(scope: string, key: string, at: Date): Promise<boolean>;
  /** Removes a mark whose action did not happen (nothing was sent), so a later run tries again. */
  release(scope: string, key: string): Promise<void>;
  /** Records that `n` things happened on `day` (one row per run: no read-modify-write). */
  addCount(name: string, day: string, n: number, at: Date): Promise<void>;
  /** Sum of the counts of `name` for days `from` ≤ day ≤ `to`. */
  sumCounts(name: string, from: string, to: string): Promise<number>;
  /** Audit rows about the register as a whole (exports, access requests), beside the complaints' own trails. */
  audit(entry: AuditEntry): Promise<void>;
  getYearlyNotes(year: number): Promise<YearlyNotes | undefined>;
  saveYearlyNotes(year: number, notes: YearlyNotes): Promise<void>;
}

/** What the director adds to the yearly analysis (R16): saved with the report, shown in it. */
export interface YearlyNotes {
  recommendations: string;
  /** Measures the director confirms were carried out, as `K-2026-0001#1` (number and measure position). */
  measuresCarriedOut: string[];
  savedAt: string;
  savedBy: string;
}
