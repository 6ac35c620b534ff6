import type { ComplaintReadDeps } from './findComplaint';
import type { FileStore } from './ports/fileStore';
import { AppError } from '../common/errors';
import { getComplaint } from './findComplaint';
import { can, type Principal } from '../common/principal';

export interface ComplaintFilesDeps extends ComplaintReadDeps {
  files: FileStore;
}

/** The stored original of one attachment (R1), for those who may read the complaint; the read is audited. */
export async function getAttachment(
  services: ComplaintFilesDeps,
  principal: Principal,
  id: string,
  name: string,
) {
  const { doc } = await getComplaint(services, principal, id);
  const ref = doc.state.attachments.find((a) => a.name === name);
  const file = ref?.blobName ? await services.files.getFile(ref.blobName) : undefined;
  if (!ref || !file) {
    throw new AppError(
      'notFound',
      'attachment-not-found',
      'Deze bijlage bestaat niet (meer) bij deze klacht.',
    );
  }
  return { name: ref.name, contentType: ref.contentType, size: ref.size, content: file.content };
}

/** The audit trail of a complaint (Directeur only); reading it is itself audited. */
export async function getAuditTrail(services: ComplaintFilesDeps, principal: Principal, id: string) {
  if (!can(principal, 'audit')) {
    throw new AppError('forbidden', 'forbidden', 'Alleen de directeur kan het auditspoor inzien.');
  }
  const { doc } = await getComplaint(services, principal, id);
  return services.complaints.listAudit(doc.id);
}
