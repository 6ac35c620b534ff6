import { z } from 'zod';
import { multiLineText, singleLineText } from '../textPolicy';

/**
 * Text fields of the API, built on the one text policy (`../textPolicy`): controls refused (multi-line text
 * allows newline and tab), line separators normalised, bidi controls and zero-width characters removed, lone
 * surrogates refused.
 */
export const singleLine = (max: number) => singleLineText(max);

export const multiLine = (max: number) => multiLineText(max);

/** An ISO timestamp with an explicit offset, as Outlook and Graph give them. */
export const timestampText = z.iso.datetime({ offset: true, error: 'Geen geldig tijdstip met tijdzone.' });
