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
  /** The category the handler chose at registration (the settings' categories), for overviews. */
  category?: string;
  /**
   * The handlers' version of the complaint, and so the API's ETag: it changes with every step a person records,
   * not when the letter sender notes a sent letter. A handler's screen therefore stays valid while letters go
   * out in the background, and two people editing at once still get a 412. Absent on the first version.
   */
  revision?: number;
  /**
   * Counts every write of the complaint, by anyone (stamped by the store): the index uses it so that a writer
   * that read an older version and finishes later never puts older data back.
   */
  version?: number;
  /**
   * "Nieuw bericht van de klager": replies captured from the complaints mailbox since a handler last opened
   * the complaint's conversation. Absent when there is nothing new.
   */
  newMessage?: { since: string; count: number };
  /**
   * The outbox keys of the staff notices (`n0005-director`…) that are neither sent nor given up yet. Notices
   * live in the outbox only, so without this the index could not tell the per-minute sender that a complaint
   * whose letters have all gone still has a notice to retry. Absent when there is none.
   */
  unsentNotices?: string[];
  /**
   * The seqs of the letters marked "verzending mislukt" and not queued again, sent or cancelled since. The row's
   * status lives in the outbox only, so without this the index could not tell the hourly sweep which complaints
   * have a failed letter to report, and the sweep would read the outbox of every complaint with a letter still
   * waiting. Absent when there is none.
   */
  failedLetters?: number[];
  /** Who recorded each timeline entry (by its seq): the timeline shows names, the audit trail ids. */
  actors: Record<string, string>;
}
