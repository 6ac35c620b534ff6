import { isLate, lateWindowEndsOn } from '../../../domain/src/admissibility';
import type { ParsedRegistrationRequest } from '../../../domain/src/api/registration';
import { checkRegistration } from '../../../domain/src/registerComplaint';
import type { ComplaintIndex } from './ports/complaintIndex';
import { AppError } from '../common/errors';
import { can, type Principal } from '../common/principal';
import { procedureContext, refusalError, type ProcedureDeps } from './registerComplaint';
import { registrationInputOf } from './registrationInput';
import type { AdmissibilityCheck } from '../../../domain/src/api/procedure';
import { complaintsOf, relatedOf, similarOf } from './relatedComplaints';

export type { AdmissibilityCheck };

/** What the dry run reads: the procedure's settings and calendar, and the register's index. */
export interface CheckAdmissibilityDeps extends ProcedureDeps {
  index: ComplaintIndex;
}

/**
 * The dry run of a registration (`POST /api/complaints/check`): what the handler should know before the
 * first letter goes out. Stores nothing, numbers nothing, sends nothing.
 */
export async function checkAdmissibility(
  services: CheckAdmissibilityDeps,
  principal: Principal,
  request: ParsedRegistrationRequest,
): Promise<AdmissibilityCheck> {
  if (!can(principal, 'read')) {
    throw new AppError(
      'forbidden',
      'forbidden',
      'Alleen klachtbehandelaars en de directeur zien eerdere klachten van een afzender.',
    );
  }
  const input = registrationInputOf(request, {
    name: principal.name || principal.address,
    address: principal.address,
  });
  const { admissibility: _decision, ...judged } = input;
  const refusal = checkRegistration({ ...judged, attachments: [] }, procedureContext(services));
  if (refusal) throw refusalError(refusal);
  const entries = (await complaintsOf(services.index, input.complainant)).filter(
    // The e-mail itself may already be registered: it is no earlier complaint.
    (e) => e.subject !== input.subject || e.receivedOn !== input.receivedOn,
  );
  return {
    late: isLate(input.receivedOn, input.aroseOn),
    receivedOn: input.receivedOn,
    ...(input.aroseOn ? { lateWindowEndedOn: lateWindowEndsOn(input.aroseOn) } : {}),
    similar: similarOf({ complainant: input.complainant, subject: input.subject }, entries),
    related: relatedOf(entries),
  };
}
