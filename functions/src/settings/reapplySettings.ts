import { toAmsterdamDate } from '../../../domain/src/localDate';
import { reapplyCalendar } from '../../../domain/src/reapplyCalendar';
import type { WorkingDayCalendar } from '../../../domain/src/workingDayCalendar';
import { allOf, refreshIndex } from '../app/indexEntry';
import { type ComplaintIndex } from '../app/ports/complaintIndex';
import type { ComplaintDocument } from '../app/complaintDocument';
import { isStaleWrite } from '../common/errors';
import { conflictRetry, retry } from '../common/retry';
import type { ComplaintStore } from '../app/ports/complaintStore';
import { auditRow } from '../app/sideRows';
import { mapLimit } from '../common/boundedConcurrency';

export interface ReapplyDeps {
  index: ComplaintIndex;
  complaints: ComplaintStore<ComplaintDocument>;
  now: Date;
}

/**
 * Applies a new calendar (and retention) to every complaint with a pending deadline: each complaint whose
 * not-yet-reached deadlines move is written again (its handlers' revision stays, like a sent letter's note, so
 * no open screen turns stale) with a system audit row, and its index row follows. Safe to run again: a
 * complaint already up to date is not written.
 */
export async function reapplySettings(
  deps: ReapplyDeps,
  settings: { calendar: WorkingDayCalendar; retentionYears: number },
): Promise<{ moved: number; failed: number }> {
  const today = toAmsterdamDate(deps.now);
  const entries = [
    ...(await allOf(deps.index, { status: 'open' })),
    ...(await allOf(deps.index, { status: 'closed' })).filter((e) => e.retainUntil && !e.anonymised),
  ];
  let moved = 0;
  let failed = 0;
  await mapLimit(entries, 4, async (entry) => {
    const attempt = async (): Promise<'moved' | 'unchanged'> => {
      const stored = await deps.complaints.get(entry.id);
      if (!stored) throw new Error('complaint not found');
      const state = reapplyCalendar(stored.doc.state, { ...settings, today });
      if (state === stored.doc.state) return 'unchanged';
      const doc: ComplaintDocument = { ...stored.doc, state };
      await deps.complaints.update(doc, stored.etag, [auditRow(deps.now, 'system', 'settings:deadlines')]);
      await refreshIndex(deps.index, doc);
      return 'moved';
    };
    // Any other failure, or a complaint still changing after the tries, is counted and left for the next run.
    const outcome = await retry<'moved' | 'unchanged' | 'failed'>(attempt, {
      ...conflictRetry,
      attempts: 3,
      retryOn: isStaleWrite,
      exhausted: () => 'failed',
    }).catch(() => 'failed' as const);
    if (outcome === 'moved') moved++;
    if (outcome === 'failed') failed++;
  });
  return { moved, failed };
}
