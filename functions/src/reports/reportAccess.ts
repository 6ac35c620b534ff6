import { AppError, validationError } from '../common/errors';
import { can, type Principal } from '../common/principal';

/** Register-wide reads (export, yearly analysis, right of access) are the director's (docs/api.md). */
export function requireDirector(principal: Principal): void {
  if (!can(principal, 'export'))
    throw new AppError(
      'forbidden',
      'forbidden',
      'Alleen de directeur mag het register exporteren en analyseren.',
    );
}

export function parseYear(value: string | null | undefined, field = 'year'): number {
  const year = Number(value);
  if (value && /^\d{4}$/.test(value) && year >= 2000 && year <= 2199) return year;
  throw validationError('Geef een jaartal, bijvoorbeeld 2026.', [
    { field, message: 'Een jaartal van 2000 tot en met 2199.' },
  ]);
}
