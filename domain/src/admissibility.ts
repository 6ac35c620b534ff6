/**
 * Admissibility checks that the system can *suggest* but a handler decides (R2, R12). Neither check refuses a
 * registration: the procedure asks a person to declare a complaint inadmissible, with a letter that explains
 * why, so the domain only flags and lists candidates.
 */
import type { ComplaintNumber } from './complaintNumber';
import { addDays, type LocalDate } from './localDate';
import { sameEmailAddress } from './emailAddress';

/** R2: "binnen twee (2) weken nadat de klacht is ontstaan". */
export const LATE_WINDOW_DAYS = 14;

/** The last receipt date that is still in time: the day the complaint arose + 14 calendar days. */
export function lateWindowEndsOn(aroseOn: LocalDate): LocalDate {
  return addDays(aroseOn, LATE_WINDOW_DAYS);
}

/**
 * R2: late when the receipt date lies after "ontstaan op" + 14 days. Calendar days, not working days: the
 * procedure says "twee weken". Without a known "ontstaan op" a complaint is never late.
 */
export function isLate(receivedOn: LocalDate, aroseOn: LocalDate | undefined): boolean {
  return aroseOn !== undefined && receivedOn > lateWindowEndsOn(aroseOn);
}

/** What R12 needs to know of an earlier complaint (no body, no free text). */
export interface ComplaintSummary {
  number: ComplaintNumber;
  complainant: { name: string; address: string };
  subject: string;
  /** The date of the decision (or of the inadmissibility declaration); absent while undecided. */
  decidedOn?: LocalDate;
}

export interface RepeatCandidate {
  number: ComplaintNumber;
  decidedOn: LocalDate;
  /** Which identity matched: the e-mail address, the normalised name, or both. */
  matchedOn: readonly ('address' | 'name')[];
  /** Token Jaccard similarity of the normalised subjects, 0–1. */
  similarity: number;
}

/** Subjects at least this similar count as "hetzelfde onderwerp". */
export const SUBJECT_SIMILARITY_THRESHOLD = 0.5;

/**
 * R12: earlier complaints by the same complainant (same address ignoring case, or same name after
 * {@link normaliseName}) about a similar subject ({@link subjectSimilarity} ≥ 0.5) that have a decision.
 * Sorted most similar first, then most recent decision first. The complaint itself (same number) is skipped.
 */
export function findRepeatCandidates(
  complaint: { number?: ComplaintNumber; complainant: { name: string; address: string }; subject: string },
  earlier: readonly ComplaintSummary[],
): RepeatCandidate[] {
  const address = complaint.complainant.address;
  const name = normaliseName(complaint.complainant.name);
  const tokens = subjectTokens(complaint.subject);
  const found: RepeatCandidate[] = [];
  for (const other of earlier) {
    if (other.decidedOn === undefined || other.number === complaint.number) continue;
    const matchedOn: ('address' | 'name')[] = [];
    if (sameEmailAddress(other.complainant.address, address)) matchedOn.push('address');
    if (name !== '' && normaliseName(other.complainant.name) === name) matchedOn.push('name');
    if (matchedOn.length === 0) continue;
    const similarity = jaccard(tokens, subjectTokens(other.subject));
    if (similarity < SUBJECT_SIMILARITY_THRESHOLD) continue;
    found.push({ number: other.number, decidedOn: other.decidedOn, matchedOn, similarity });
  }
  return found.sort(
    (a, b) =>
      b.similarity - a.similarity || (a.decidedOn < b.decidedOn ? 1 : a.decidedOn > b.decidedOn ? -1 : 0),
  );
}

const REPLY_PREFIX = /^\s*(?:re|fw|fwd|aw|wg|antw|doorst)\s*(?:\[\d+\]|\(\d+\))?\s*:\s*/i;

/** Removes leading reply/forward markers (RE:, FW:, Fwd:, AW:, WG:, Antw:, Doorst:, repeated, any case). */
export function stripReplyPrefixes(subject: string): string {
  let s = subject;
  for (;;) {
    const next = s.replace(REPLY_PREFIX, '');
    if (next === s) return s.trim();
    s = next;
  }
}

const FOLD: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Lower case, diacritics removed (é → e, ø → o), every run of non-letters/digits one space, trimmed. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øæœßłđðþı]/g, (c) => FOLD[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A name as R12 compares it: "Zoë Ünal-Ørsted" and "zoe unal orsted" are the same name. */
export function normaliseName(name: string): string {
  return normaliseText(name);
}

/**
 * Words that say nothing about the subject. Without them "Klacht over factuur" and "Klacht over trainer"
 * would be 50 % similar.
 */
const STOPWORDS = new Set(
  (
    'de het een en van over op in voor met aan bij te om is niet nog geen mijn uw ik u je jullie dat die dit er wel ' +
    'ook al of als naar door tot uit zijn was wordt worden heb heeft hebben mbt ivm inzake betreft ' +
    'klacht klachten the a an of about my your complaint'
  ).split(' '),
);

/** The set of meaningful words of a subject after stripping reply prefixes. */
export function subjectTokens(subject: string): ReadonlySet<string> {
  const words = normaliseText(stripReplyPrefixes(subject)).split(' ');
  return new Set(words.filter((w) => w !== '' && !STOPWORDS.has(w)));
}

/**
 * Similarity of two subjects: |A ∩ B| / |A ∪ B| of their {@link subjectTokens}. Two subjects without any
 * meaningful word (e.g. both just "Klacht") count as identical (1): the handler sees the candidate and decides.
 */
export function subjectSimilarity(a: string, b: string): number {
  return jaccard(subjectTokens(a), subjectTokens(b));
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / (a.size + b.size - common);
}
