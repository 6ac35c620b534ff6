import type { ComplaintDocument } from './complaintDocument';
import type { Clock } from './ports/clock';
import type { ComplaintStore } from './ports/complaintStore';
import type { FileStore } from './ports/fileStore';
import type { NumberLedger } from './ports/numberLedger';
import { AppError } from '../common/errors';
import { VOID_LABEL } from './ports/numberLedger';

export interface VoidNumberDeps {
  complaints: ComplaintStore<ComplaintDocument>;
  numbers: NumberLedger;
  files: FileStore;
  clock: Clock;
}

/** Dutch, without complaint content: it is shown in the register and the export. */
function reasonOf(error: unknown): string {
  if (error instanceof AppError && error.kind === 'unavailable')
    return 'opslag niet bereikbaar tijdens registratie';
  return 'opslaan van de klacht mislukt na nummertoekenning';
}

/**
 * A number was taken but its complaint could not be written. Unless the complaint did get written (an answer lost
 * after the write), the number becomes void ("vervallen"), the attachments already stored are removed and the
 * e-mail's claim is released, so the e-mail can be registered again under the next number. If storage is too far
 * gone even for that, nothing more is done: the claim stays, and the next attempt after the claim expires finishes
 * the registration with this same number, so the sequence has no gap either way.
 */
export async function voidAfterFailure(
  services: VoidNumberDeps,
  taken: { year: number; sequence: number; complaintId: string; messageKey: string; error: unknown },
): Promise<void> {
  try {
    if (await services.complaints.get(taken.complaintId)) return;
    await services.numbers.voidNumber(
      {
        year: taken.year,
        sequence: taken.sequence,
        reason: `${VOID_LABEL}: ${reasonOf(taken.error)}`,
        voidedAt: services.clock.now().toISOString(),
      },
      taken.complaintId,
    );
    await services.files.deleteComplaintFiles(taken.complaintId);
    await services.numbers.releaseClaim(taken.messageKey, taken.complaintId);
  } catch {
    // Storage failed again: the claim and the number stay issued to this complaint id; see above.
  }
}
