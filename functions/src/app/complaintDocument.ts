import type { ComplaintState } from '../../../domain/src/complaintState';

/**
 * What storage keeps per complaint: the domain's state plus the facts around it that the procedure does
 * not need (who registered it, when exactly, the original e-mail's metadata).
 */
export interface ComplaintDocument {
  id: string;
  year: number;
  registeredAt: string;
  registeredBy: { id: string; name: string };
  message: {
    internetMessageId: string;
    conversationId: string;
    restItemId?: string;
    subject: string;
    from: { name: string; address: string };
    receivedAt: string;
  };
  state: ComplaintState;
  /** Who recorded each timeline entry (by its seq): the timeline shows names, the audit trail ids. */
  actors: Record<string, string>;
}
