import type { AnonymisedComplaint } from '../../../../domain/src/anonymise';
import type { AuditEntry } from './complaintStore';

/**
 * R3's erasure in storage: the complaint's document and letters (which hold personal data) make way for its
 * statistical record, in one transaction with the audit row.
 */
export interface ComplaintArchive {
  /** False when the complaint changed after it was read (`etag`): the next run tries again. */
  anonymise(id: string, etag: string, record: AnonymisedComplaint, audit: AuditEntry): Promise<boolean>;
  getRecord(id: string): Promise<AnonymisedComplaint | undefined>;
}
