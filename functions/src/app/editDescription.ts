import { z } from 'zod';
import { textSchema } from '../../../domain/src/schemas';
import type { ComplaintIndex } from './ports/complaintIndex';
import type { ComplaintDocument } from './complaintDocument';
import { refreshIndex } from './indexEntry';
import { revisionTag } from './complaintViews';
import { AppError, staleComplaintError, validationError } from '../common/errors';
import { fieldErrorsOf, parseOptions } from './fieldErrors';
import { isComplaintId, notFound, type ComplaintReadDeps } from './findComplaint';
import type { Stored } from './ports/complaintStore';
import { can, type Principal } from '../common/principal';
import { auditRow } from './sideRows';

/** `PATCH /api/complaints/{id}`: the fields of the register a handler may correct. */
export const complaintPatchSchema = z.strictObject({ description: textSchema(5000) });

export interface EditDescriptionDeps extends ComplaintReadDeps {
  index: ComplaintIndex;
}

/**
 * "Omschrijving klacht" (R11) starts as the e-mail's subject; the handler rewrites it into what the complaint
 * is about. Guarded by the ETag like a step; the audit row says that it changed, not what it says.
 */
export async function editDescription(
  services: EditDescriptionDeps,
  principal: Principal,
  id: string,
  ifMatch: string | null,
  body: unknown,
): Promise<Stored<ComplaintDocument>> {
  if (!can(principal, 'handle'))
    throw new AppError('forbidden', 'forbidden', 'U mag het klachtenregister niet wijzigen.');
  if (!ifMatch) {
    throw new AppError(
      'preconditionRequired',
      'if-match-required',
      'Deze wijziging mist de versie van de klacht (If-Match). Laad de klacht opnieuw en probeer het nog eens.',
    );
  }
  const parsed = complaintPatchSchema.safeParse(body, parseOptions);
  if (!parsed.success)
    throw validationError('De omschrijving is niet goed ingevuld.', fieldErrorsOf(parsed.error));
  if (!isComplaintId(id)) throw notFound();
  const stored = await services.complaints.get(id);
  if (!stored) throw notFound();
  if (revisionTag(stored.doc) !== ifMatch) throw staleComplaintError();
  if (stored.doc.state.status !== 'open') {
    throw new AppError(
      'conflict',
      'complaintClosed',
      `Klacht ${stored.doc.state.number} is afgesloten; de omschrijving ligt vast.`,
    );
  }
  const doc: ComplaintDocument = {
    ...stored.doc,
    state: { ...stored.doc.state, description: parsed.data.description },
    revision: (stored.doc.revision ?? 1) + 1,
  };
  const etag = await services.complaints.update(doc, stored.etag, [
    auditRow(services.clock.now(), principal, 'description-edited'),
  ]);
  await refreshIndex(services.index, doc);
  return { doc, etag };
}
