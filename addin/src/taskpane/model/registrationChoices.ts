import { STANDARD_TERMS } from '../../../../domain/src/handlingTerm';

/**
 * The choices of the registration form. The terms come from the domain (that module is small); the
 * categories repeat domain/src/settings.ts's defaults because importing settings.ts would pull zod and the
 * holiday calendar into the first screen's bundle. addin/test/registrationChoices.test.ts keeps them equal.
 */
export const TERMS: readonly string[] = STANDARD_TERMS;

export const DEFAULT_TERM = 'P6W';

export const CATEGORIES: readonly string[] = [
  'communicatie',
  'planning',
  'docent',
  'inhoud',
  'administratie',
  'facturering',
  'locatie',
  'examen-certificaat',
  'overig',
];

/** `P6W` → "6 weken", `P3M` → "3 maanden". */
export function termLabel(term: string): string {
  const m = /^P(\d+)([DWM])$/.exec(term);
  if (!m) return term;
  const n = Number(m[1]);
  const unit =
    m[2] === 'W' ? (n === 1 ? 'week' : 'weken') : m[2] === 'M' ? (n === 1 ? 'maand' : 'maanden') : 'dagen';
  return `${n} ${unit}`;
}
