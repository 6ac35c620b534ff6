import type { Letter } from '../../../domain/src/effects';
import type { Party } from '../../../domain/src/complaintState';
import type { LetterSettings } from './letterSettings';

/**
 * The Dutch text of each letter as structured blocks, without any markup: the renderer turns the same blocks
 * into HTML (escaping every value) and into plain text, so the two renditions can never say different things.
 */
export type LetterBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  /** Free text a handler entered (a reason, a decision, a solution): kept as written, line breaks included. */
  | { type: 'quote'; text: string }
  | { type: 'facts'; rows: readonly (readonly [label: string, value: string])[] };

export interface LetterContent {
  /** Shown as the letter's heading. */
  title: string;
  blocks: LetterBlock[];
}

/** What a letter needs to know about its complaint beyond the {@link Letter} itself. */
export interface LetterComplaint {
  /** The complaint's subject without reply/forward markers. */
  subject: string;
  handler: Party;
}

export type LetterKindOf = Letter['kind'];
export type LetterOf<K extends LetterKindOf> = Extract<Letter, { kind: K }>;

/**
 * One letter's text: a file per letter under `templates/`, so that the organisation changes a letter's wording
 * in one place. Values are plain text; the renderer escapes them.
 */
export type LetterTemplate<K extends LetterKindOf> = (
  letter: LetterOf<K>,
  complaint: LetterComplaint,
  settings: LetterSettings,
) => LetterContent;

/** `P6W` → "6 weken": the handling term as the complainant reads it. */
export function dutchTerm(iso: string): string {
  const m = /^P(\d+)([DWM])$/i.exec(iso);
  if (!m) return iso;
  const n = Number(m[1]);
  const unit = (m[2] ?? '').toUpperCase();
  if (unit === 'D') return n === 1 ? '1 dag' : `${n} dagen`;
  if (unit === 'W') return n === 1 ? '1 week' : `${n} weken`;
  return n === 1 ? '1 maand' : `${n} maanden`;
}

/** The independent third party in one line: organisation, person, e-mail address. */
export function thirdPartyText(party: LetterSettings['thirdParty']): string {
  const who = party.person ? `${party.organisation}, ${party.person}` : party.organisation;
  return `${who} (${party.email})`;
}

/** The third party as a table of contact details. */
export function thirdPartyFacts(party: LetterSettings['thirdParty']): LetterBlock {
  return {
    type: 'facts',
    rows: [
      ['Organisatie', party.organisation],
      ...(party.person ? [['Contactpersoon', party.person] as const] : []),
      ['E-mail', party.email],
    ],
  };
}

export const replyHint = (): LetterBlock => ({
  type: 'paragraph',
  text: 'Heeft u vragen over deze brief, antwoord dan op deze e-mail. Vermeld daarbij altijd uw klachtnummer.',
});

/** ` over "<subject>"` or nothing. */
export const about = (complaint: LetterComplaint): string =>
  complaint.subject ? ` over "${complaint.subject}"` : '';
