import type { Clock } from './ports/clock';
import type { ComplaintDocument } from './complaintDocument';
import { AppError } from '../common/errors';
import { can, type Principal } from '../common/principal';
import { auditRow, messageKeyOf } from './sideRows';
import type { ComplaintStore, Stored } from './ports/complaintStore';

/** What reading a complaint needs: the store, and the clock for the read's audit row. */
export interface ComplaintReadDeps {
  complaints: ComplaintStore<ComplaintDocument>;
  clock: Clock;
}

/** Complaint ids are UUIDs; anything else cannot be one and is not looked up. */
export const isComplaintId = (id: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

export const notFound = (): AppError =>
  new AppError('notFound', 'complaint-not-found', 'Deze klacht bestaat niet (meer) in het register.');

/** Every read of a complaint's content is audited (R17); a Medewerker's look-up of the number is too. */
async function audited(
  services: ComplaintReadDeps,
  principal: Principal,
  stored: Stored<ComplaintDocument>,
): Promise<Stored<ComplaintDocument>> {
  const action = can(principal, 'read') ? 'read' : 'looked-up-number';
  const row = auditRow(services.clock.now(), principal, action);
  if (row.kind === 'audit') await services.complaints.audit(stored.doc.id, [row.data]);
  return stored;
}

/** The complaint registered from an e-mail, if any: what the task pane asks first. */
export async function findByMessage(
  services: ComplaintReadDeps,
  principal: Principal,
  internetMessageId: string,
): Promise<Stored<ComplaintDocument> | undefined> {
  if (!can(principal, 'register'))
    throw new AppError('forbidden', 'forbidden', 'U heeft geen toegang tot het klachtenregister.');
  const id = await services.complaints.lookupMessage(messageKeyOf(internetMessageId));
  const stored = id ? await services.complaints.get(id) : undefined;
  return stored ? audited(services, principal, stored) : undefined;
}

/** One complaint by id, for those who may read complaints. */
export async function getComplaint(
  services: ComplaintReadDeps,
  principal: Principal,
  id: string,
): Promise<Stored<ComplaintDocument>> {
  if (!can(principal, 'read'))
    throw new AppError('forbidden', 'forbidden', 'U mag de inhoud van klachten niet inzien.');
  if (!isComplaintId(id)) throw notFound();
  const stored = await services.complaints.get(id);
  if (!stored) throw notFound();
  return audited(services, principal, stored);
}
