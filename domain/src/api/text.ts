import { z } from 'zod';

/**
 * Text fields of the API. Control characters are refused: they have no place in a name or subject, they
 * break CSV exports and headers, and they are a favourite of injection attempts. Multi-line text allows
 * only tab, CR and LF.
 */
// eslint-disable-next-line no-control-regex
const singleLineForbidden = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// eslint-disable-next-line no-control-regex
const multiLineForbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export const singleLine = (max: number) =>
  z
    .string({ error: 'Dit veld moet tekst zijn.' })
    .max(max, { error: `Maximaal ${max} tekens.` })
    .refine((s) => !singleLineForbidden.test(s), { error: 'Bevat niet-toegestane (stuur)tekens.' });

export const multiLine = (max: number) =>
  z
    .string({ error: 'Dit veld moet tekst zijn.' })
    .max(max, { error: `Maximaal ${max} tekens.` })
    .refine((s) => !multiLineForbidden.test(s), { error: 'Bevat niet-toegestane (stuur)tekens.' });

/** An ISO timestamp with an explicit offset, as Outlook and Graph give them. */
export const timestampText = z.iso.datetime({ offset: true, error: 'Geen geldig tijdstip met tijdzone.' });
