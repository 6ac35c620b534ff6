/**
 * The register's search words: how a complaint is found by number, complainant name or address and subject
 * words, the same way on both sides (what the index stores and what a query asks for). Case and accents do not
 * matter ("Zoë" finds "zoe"), and every query word matches the start of a stored word ("viss" finds "Visser").
 */
import { normaliseText } from './admissibility';

/** Words shorter than this are neither stored nor asked for: they would match half the register. */
export const minimumWordLength = 2;

/** The key of a complaint number's sequence (`K-2026-0012` → `!12`): `!` sorts before every word. */
export const numberKey = (sequence: number): string => `!${sequence}`;

/** The words of a text as the search keeps them: lower case, accents folded, split at anything not a letter or digit. */
export function searchWords(text: string): string[] {
  return [...new Set(normaliseText(text).split(' '))].filter((w) => w.length >= minimumWordLength);
}

export interface SearchFields {
  number: string;
  complainantName: string;
  complainantAddress: string;
  subject: string;
}

/** At most this many keys per complaint, so its search rows always fit one storage transaction. */
export const maximumKeys = 90;

/** Everything a complaint can be found by: its number's sequence and the words of name, address and subject. */
export function searchKeysOf(fields: SearchFields): string[] {
  const sequence = /^K-\d{4}-(\d+)$/.exec(fields.number);
  const keys = [
    ...(sequence ? [numberKey(Number(sequence[1]))] : []),
    ...searchWords(`${fields.complainantName} ${fields.complainantAddress} ${fields.subject}`),
  ];
  return [...new Set(keys)].slice(0, maximumKeys);
}

/** What an index entry holds of a complaint's search keys (structurally: the domain knows no storage rows). */
export interface StoredSearchKeys {
  searchKeys?: string | undefined;
  anonymised?: boolean | undefined;
  number: string;
  complainantName: string;
  complainantDisplayName?: string | undefined;
  complainantAddress: string;
  subject: string;
}

/**
 * The keys a complaint is found by, as its search rows were written: the listed keys, or for an entry written
 * before it listed them, the keys of its fields (what the backfill wrote); none once erased.
 */
export function storedSearchKeys(e: StoredSearchKeys): string[] {
  if (e.anonymised) return [];
  if (e.searchKeys !== undefined) return e.searchKeys.split(' ').filter(Boolean);
  return searchKeysOf({
    number: e.number,
    complainantName: e.complainantDisplayName ?? e.complainantName,
    complainantAddress: e.complainantAddress,
    subject: e.subject,
  });
}

/** What a query asks: a complaint number (whole or in part), or words that must all match. */
export type SearchQuery =
  { kind: 'number'; sequence: number; year?: number } | { kind: 'words'; words: string[] };

/**
 * `K-2026-0012`, `k2026-12`, `2026-0012`, `2026-12` and `12` ask for a number; anything else for words (at most
 * five, longest first: the longest word is the most selective).
 */
export function parseSearchQuery(q: string): SearchQuery | undefined {
  const number = /^\s*(?:k\s*-?\s*)?(?:(\d{4})\s*-\s*)?(\d{1,4})\s*$/i.exec(q);
  if (number) {
    const sequence = Number(number[2]);
    if (sequence > 0)
      return number[1] ? { kind: 'number', sequence, year: Number(number[1]) } : { kind: 'number', sequence };
  }
  const words = searchWords(q)
    .sort((a, b) => b.length - a.length)
    .slice(0, 5);
  return words.length > 0 ? { kind: 'words', words } : undefined;
}

/** True when every query word starts one of the complaint's keys: checks a hit against the current row. */
export function matchesKeys(query: SearchQuery, keys: readonly string[]): boolean {
  if (query.kind === 'number') return keys.includes(numberKey(query.sequence));
  return query.words.every((w) => keys.some((k) => k.startsWith(w)));
}
