import { applyStep } from '../../../domain/src/lifecycle';
import { STEP_TYPES, stepSchema } from '../../../domain/src/steps';
import type { ComplaintIndex } from './ports/complaintIndex';
import type { ComplaintStore } from './ports/complaintStore';
import type { ComplaintDocument } from './complaintDocument';
import { refreshIndex } from './indexEntry';
import { revisionTag } from './complaintViews';
import { AppError, isStaleWrite, staleComplaintError, validationError } from '../common/errors';
import { conflictRetry, retry, tryAgain, type TryAgain } from '../common/retry';
import { isComplaintId, notFound } from './findComplaint';
import { can, type Principal } from '../common/principal';
import { procedureContext, refusalError, type ProcedureDeps } from './registerComplaint';
import { auditRow, outboxRows } from './sideRows';
import { withUnsentNotices } from '../letters/staffNotice';
import { withoutSettledFailures } from '../letters/failedLetters';
import type { Stored } from './ports/complaintStore';
import { fieldErrorsOf, parseOptions } from './fieldErrors';

export interface ApplyStepDeps extends ProcedureDeps {
  complaints: ComplaintStore<ComplaintDocument>;
  index: ComplaintIndex;
}

/**
 * Records one step of the procedure (R4–R14). The domain decides whether it is allowed and what follows;
 * the new state, its audit row and the letters it queues are written in one transaction, guarded by the
 * ETag the handler's screen was based on: a stale screen never overwrites someone else's change.
 */
export async function applyComplaintStep(
  services: ApplyStepDeps,
  principal: Principal,
  id: string,
  ifMatch: string | null,
  body: unknown,
): Promise<Stored<ComplaintDocument>> {
  if (!can(principal, 'handle'))
    throw new AppError('forbidden', 'forbidden', 'U mag geen stappen in de klachtprocedure vastleggen.');
  if (!ifMatch) {
    throw new AppError(
      'preconditionRequired',
      'if-match-required',
      'Deze wijziging mist de versie van de klacht (If-Match). Laad de klacht opnieuw en probeer het nog eens.',
    );
  }
  const parsed = stepSchema.safeParse(body, parseOptions);
  if (!parsed.success) {
    const type = (body as { type?: unknown } | null)?.type;
    const known = (STEP_TYPES as readonly unknown[]).includes(type);
    throw validationError(
      known ? 'De gegevens van deze stap zijn niet goed ingevuld.' : 'Onbekende stap in de klachtprocedure.',
      fieldErrorsOf(parsed.error),
    );
  }
  const attempt = async (): Promise<Stored<ComplaintDocument> | TryAgain> => {
    const stored = await servicesGet(services, id);
    if (revisionTag(stored.doc) !== ifMatch) throw staleComplaintError();
    const now = services.clock.now();
    const result = applyStep(stored.doc.state, parsed.data, procedureContext(services));
    if (!result.ok) throw refusalError(result);
    const added = result.state.timeline.filter(
      (t) => !stored.doc.state.timeline.some((o) => o.seq === t.seq),
    );
    const changed: ComplaintDocument = {
      ...stored.doc,
      state: result.state,
      revision: (stored.doc.revision ?? 1) + 1,
      actors: {
        ...stored.doc.actors,
        ...Object.fromEntries(added.map((t) => [String(t.seq), principal.name])),
      },
    };
    const rows = [
      auditRow(now, principal, `step:${parsed.data.type}`),
      ...outboxRows(changed, result.effects, now),
    ];
    // A notice to staff is counted on the complaint, so the index shows the per-minute sender where it waits; a
    // failed letter the step cancelled (acknowledged by hand) is no longer one for the sweep to report.
    const doc = withoutSettledFailures(withUnsentNotices(changed, rows));
    try {
      const etag = await services.complaints.update(doc, stored.etag, rows);
      await refreshIndex(services.index, doc);
      return { doc, etag };
    } catch (error) {
      if (isStaleWrite(error)) return tryAgain;
      throw error;
    }
  };
  // Tried again when only the letter sender wrote in between (the storage ETag moved, the revision did not); a
  // stale screen is refused at once.
  return retry(attempt, { ...conflictRetry, exhausted: busy });
}

const busy = (): never => {
  throw new AppError(
    'unavailable',
    'busy',
    'De klacht wordt op dit moment bijgewerkt. Probeer het over enkele ogenblikken opnieuw.',
  );
};

async function servicesGet(services: ApplyStepDeps, id: string): Promise<Stored<ComplaintDocument>> {
  if (!isComplaintId(id)) throw notFound();
  const stored = await services.complaints.get(id);
  if (!stored) throw notFound();
  return stored;
}
