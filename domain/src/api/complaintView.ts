import type { NextStepDeadline } from '../nextSteps';

/**
 * What the API answers about a complaint. Everyone with access to the register sees the summary (a
 * `Medewerker` sees only this: that the e-mail is registered, and under which number); handlers and the
 * director see the full view.
 */
export interface ComplaintSummary {
  id: string;
  /** `K-2026-0001` */
  number: string;
  status: string;
  /** Present only for roles that may read the complaint. */
  view?: ComplaintView;
  /** The register row (listing and search answers), for roles that may read the complaint. */
  listing?: ComplaintListing;
}

/**
 * A number of the year that was issued but never got a complaint ("vervallen"): the register listing of a year
 * shows it beside the complaints, so the sequence is complete and explained.
 */
export interface VoidedNumberItem {
  /** `K-2026-0007` */
  number: string;
  status: 'vervallen';
  /** Dutch, without complaint content. */
  reason: string;
  /** ISO timestamp. */
  voidedAt: string;
}

/** What a row of the register list shows, read from the index without opening the complaint. */
export interface ComplaintListing {
  complainantName: string;
  complainantAddress: string;
  handlerName: string;
  subject: string;
  receivedOn: string;
  /** The next pending deadline: the register's urgency order. Absent when nothing is pending. */
  nextDeadline?: {
    key: 'acknowledgeBy' | 'resolveBy' | 'extensionNoticeBy' | 'escalationResponseBy';
    date: string;
    overdue: boolean;
  };
}

export interface ComplaintView {
  id: string;
  number: string;
  status: string;
  late: boolean;
  complainant: { name: string; address: string };
  subject: string;
  description: string;
  receivedAt: string;
  receivedOn: string;
  handler: { name: string; address: string };
  category: string | undefined;
  handlingTerm: string;
  deadlines: Partial<
    Record<
      'acknowledgeBy' | 'resolveBy' | 'extensionNoticeBy' | 'escalationResponseBy' | 'retainUntil',
      string
    >
  >;
  /** How each procedural deadline stands today: met or missed once done, pending or overdue while waiting. */
  deadlineOutcomes: Partial<
    Record<
      'acknowledgeBy' | 'resolveBy' | 'extensionNoticeBy' | 'escalationResponseBy',
      { outcome: 'met' | 'missed' | 'pending' | 'overdue'; doneOn?: string }
    >
  >;
  register: Record<string, unknown>;
  timeline: { at: string; type: string; by: string; detail?: Record<string, unknown> }[];
  attachments: { name: string; size: number; contentType: string }[];
  allowedSteps: string[];
  /**
   * The usual next step(s) of the complaint's stage (domain `nextSteps`), each an allowed step, with the
   * deadline that governs it: the outcome (`resolveBy`), the complainant's reaction period (`reactionBy`) or
   * the director's reply (`escalationResponseBy`). Every other allowed step is "Andere stap".
   */
  nextSteps: { type: string; due?: { deadline: NextStepDeadline; on: string } }[];
  etag: string;
  /** "Nieuw bericht van de klager": replies captured since a handler last opened the conversation. */
  newMessage?: { since: string; count: number };
}
