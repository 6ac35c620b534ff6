import { z } from 'zod';
import type { FieldError } from './errors';

// Schema messages in Dutch for every validation in the app (the handler reads them in the pane).
z.config(z.locales.nl());

/** Converts zod issues into field errors with Dutch messages a handler can act on. */
export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(body)',
    message:
      issue.code === 'invalid_type' && issue.input === undefined
        ? 'Dit veld is verplicht.'
        : issue.code === 'unrecognized_keys'
          ? `Onbekend veld: ${issue.keys.join(', ')}.`
          : issue.code === 'invalid_union' || issue.code === 'invalid_value'
            ? 'Ongeldige waarde.'
            : issue.message,
  }));
}
