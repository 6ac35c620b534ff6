import {
  findRepeatCandidates,
  normaliseName,
  type ComplaintSummary,
} from '../../../domain/src/admissibility';
import type { ComplaintNumber } from '../../../domain/src/complaintNumber';
import type { Party } from '../../../domain/src/complaintState';
import type { LocalDate } from '../../../domain/src/localDate';
import type { ComplaintIndex, IndexEntry } from './ports/complaintIndex';
import { validationError } from '../common/errors';
import { parseEmailAddress } from '../../../domain/src/emailAddress';
import type { RelatedComplaint, SimilarCandidate } from '../../../domain/src/api/procedure';

export type { RelatedComplaint, SimilarCandidate } from '../../../domain/src/api/procedure';

/** The complainant's complaints in the index (same address, or the same name after normalising). */
export async function complaintsOf(index: ComplaintIndex, complainant: Party): Promise<IndexEntry[]> {
  const entries = await index.byComplainant(
    parseEmailAddress(complainant.address),
    normaliseName(complainant.name),
  );
  return entries.filter((e) => e.anonymised !== true);
}

export function relatedOf(entries: readonly IndexEntry[]): RelatedComplaint[] {
  return [...entries]
    .sort((a, b) => (a.receivedOn < b.receivedOn ? 1 : a.receivedOn > b.receivedOn ? -1 : 0))
    .map((e) => ({
      id: e.id,
      number: e.number,
      subject: e.subject,
      status: e.status,
      receivedOn: e.receivedOn,
      ...(e.decidedOn ? { decidedOn: e.decidedOn } : {}),
    }));
}

/** The repeat candidates among `entries` for a complaint (the existing complaint itself is skipped by number). */
export function similarOf(
  complaint: { number?: ComplaintNumber; complainant: Party; subject: string },
  entries: readonly IndexEntry[],
): SimilarCandidate[] {
  const summaries: (ComplaintSummary & { id: string })[] = entries.map((e) => ({
    id: e.id,
    number: e.number as ComplaintNumber,
    complainant: { name: e.complainantName, address: e.complainantAddress },
    subject: e.subject,
    ...(e.decidedOn ? { decidedOn: e.decidedOn as LocalDate } : {}),
  }));
  return findRepeatCandidates(complaint, summaries).map((c) => {
    const entry = summaries.find((x) => x.number === c.number);
    return {
      id: entry?.id ?? '',
      number: c.number,
      subject: entry?.subject ?? '',
      decidedOn: c.decidedOn,
      matchedOn: c.matchedOn,
      similarity: Math.round(c.similarity * 100) / 100,
    };
  });
}

/**
 * R12 at registration: the earlier complaint named as the one this repeats must exist, be the same
 * complainant's, and have been decided.
 */
export async function checkRelatedComplaint(
  index: ComplaintIndex,
  complainant: Party,
  related: string,
): Promise<void> {
  const field = 'admissibility.relatedComplaint';
  const entry = (await complaintsOf(index, complainant)).find((e) => e.number === related);
  if (!entry) {
    const message = `Klacht ${related} is geen eerdere klacht van deze klager.`;
    throw validationError(message, [{ field, message }]);
  }
  if (!entry.decidedOn) {
    const message = `Over klacht ${related} is nog niet beslist; een herhaalde klacht verwijst naar een klacht waarop al is beslist.`;
    throw validationError(message, [{ field, message }]);
  }
}
