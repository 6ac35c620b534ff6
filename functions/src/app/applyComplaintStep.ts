import { applyStep } from '../../../domain/src/lifecycle';
import { STEP_TYPES, stepSchema } from '../../../domain/src/steps';
import type { Services } from '../composition';
import type { ComplaintDocument } from './complaintDocument';
import { indexEntryOf } from './complaintIndex';
import { AppError, validationError } from './errors';
import { notFound } from './findComplaint';
import { can, type Principal } from './principal';
import { procedureContext, refusalError } from './registerComplaint';
import { auditRow, outboxRows } from './sideRows';
import type { Stored } from './ports';
import { fieldErrorsOf, parseOptions } from './fieldErrors';

/**
 * Records one step of the procedure (R4–R14). The domain decides whether it is allowed and what follows;
 * the new state, its audit row and the letters it queues are written in one transaction, guarded by the
 * ETag the handler's screen was based on: a stale screen never overwrites someone else's change.
 */
export async function applyComplaintStep(
  services: Services,
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
  const stored = await servicesGet(services, id);
  if (stored.etag !== ifMatch) {
    throw new AppError(
      'preconditionFailed',
      'stale',
      'Iemand anders heeft deze klacht intussen gewijzigd. Laad de klacht opnieuw; uw invoer blijft bewaard.',
    );
  }
  const now = services.clock.now();
  const result = applyStep(stored.doc.state, parsed.data, procedureContext(services));
  if (!result.ok) throw refusalError(result);
  const added = result.state.timeline.filter((t) => !stored.doc.state.timeline.some((o) => o.seq === t.seq));
  const doc: ComplaintDocument = {
    ...stored.doc,
    state: result.state,
    actors: {
      ...stored.doc.actors,
      ...Object.fromEntries(added.map((t) => [String(t.seq), principal.name])),
    },
  };
  const etag = await services.complaints.update(doc, stored.etag, [
    auditRow(now, principal, `step:${parsed.data.type}`),
    ...outboxRows(doc, result.effects, now),
  ]);
  await services.index.put(indexEntryOf(doc));
  return { doc, etag };
}

async function servicesGet(services: Services, id: string): Promise<Stored<ComplaintDocument>> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
  const stored = await services.complaints.get(id);
  if (!stored) throw notFound();
  return stored;
}
