import { z } from 'zod';
import type { FieldError } from '../common/errors';

// Schema messages in Dutch for every validation in the app (the handler reads them in the pane).
z.config(z.locales.nl());

const expectedText: Record<string, string> = {
  string: 'tekst',
  number: 'een getal',
  boolean: 'ja of nee (true/false)',
  object: 'een object',
  array: 'een lijst',
};

/** Parse options that keep the offending value on each issue, so "missing" and "wrong type" can be told apart. */
export const parseOptions = { reportInput: true } as const;

/** Converts zod issues (parsed with {@link parseOptions}) into field errors with Dutch messages a handler can act on. */
export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(body)',
    message:
      issue.code === 'invalid_type'
        ? issue.input === undefined
          ? 'Dit veld is verplicht.'
          : `Verwacht ${expectedText[issue.expected] ?? issue.expected}.`
        : issue.code === 'unrecognized_keys'
          ? `Onbekend veld: ${issue.keys.join(', ')}.`
          : issue.code === 'invalid_union' || issue.code === 'invalid_value'
            ? 'Ongeldige waarde.'
            : issue.message,
  }));
}
