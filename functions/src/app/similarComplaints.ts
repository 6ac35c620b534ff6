import {
  findRepeatCandidates,
  normaliseName,
  type ComplaintSummary,
} from '../../../domain/src/admissibility';
import type { ComplaintNumber } from '../../../domain/src/complaintNumber';
import type { LocalDate } from '../../../domain/src/localDate';
import type { ComplaintReadDeps } from './findComplaint';
import type { ComplaintIndex } from './ports/complaintIndex';
import { getComplaint } from './findComplaint';
import type { Principal } from '../common/principal';
import { parseEmailAddress } from '../../../domain/src/emailAddress';
import type { SimilarCandidate } from '../../../domain/src/api/procedure';

export interface SimilarComplaintsDeps extends ComplaintReadDeps {
  index: ComplaintIndex;
}

/** A repeat candidate as `GET /api/complaints/{id}/similar` lists it (the API's `SimilarCandidate`). */
export type SimilarComplaint = SimilarCandidate;

/** R12: earlier, decided complaints of the same complainant about a similar subject. */
export async function similarComplaints(
  services: SimilarComplaintsDeps,
  principal: Principal,
  id: string,
): Promise<SimilarComplaint[]> {
  const { doc } = await getComplaint(services, principal, id);
  const s = doc.state;
  const entries = await services.index.byComplainant(
    parseEmailAddress(s.complainant.address),
    normaliseName(s.complainant.name),
  );
  const summaries: (ComplaintSummary & { id: string })[] = entries.map((e) => ({
    id: e.id,
    number: e.number as ComplaintNumber,
    // The index keeps the normalised name; the domain normalises again, which is idempotent.
    complainant: { name: e.complainantName, address: e.complainantAddress },
    subject: e.subject,
    ...(e.decidedOn ? { decidedOn: e.decidedOn as LocalDate } : {}),
  }));
  return findRepeatCandidates(
    { number: s.number, complainant: s.complainant, subject: s.subject },
    summaries,
  ).map((c) => {
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
