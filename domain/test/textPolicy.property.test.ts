import fc from 'fast-check';
import type { z } from 'zod';
import { registrationRequest } from '../src/api/registration';
import { procedureSettingsSchema } from '../src/settings';
import { stepSchema } from '../src/steps';
import {
  conformsToTextPolicy,
  normaliseText,
  textPolicyProblem,
  withoutControlCharacters,
} from '../src/textPolicy';

interface Leaf {
  path: string;
  schema: z.ZodType;
}

/** Every string-typed field of a schema, found by walking zod's definitions (objects, unions, arrays, wrappers). */
function stringLeaves(schema: z.ZodType, path: string, out: Leaf[] = []): Leaf[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case 'string':
      out.push({ path, schema });
      break;
    case 'object':
      for (const [key, child] of Object.entries(def['shape'] as Record<string, z.ZodType>))
        stringLeaves(child, `${path}.${key}`, out);
      break;
    case 'union':
      (def['options'] as z.ZodType[]).forEach((o, i) => stringLeaves(o, `${path}|${i}`, out));
      break;
    case 'array':
      stringLeaves(def['element'] as z.ZodType, `${path}[]`, out);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
      stringLeaves(def['innerType'] as z.ZodType, path, out);
      break;
    case 'pipe':
      stringLeaves(def['in'] as z.ZodType, path, out);
      break;
    default:
      break;
  }
  return out;
}

const leaves = [
  ...stringLeaves(registrationRequest, 'registration'),
  ...stringLeaves(stepSchema, 'step'),
  ...stringLeaves(procedureSettingsSchema, 'settings'),
];

/** Text with the characters that matter over-represented: controls, separators, bidi, zero-width, surrogates. */
const hostileChar = fc.constantFrom(
  '\u0000',
  '\u0007',
  '\u001b',
  '\t',
  '\n',
  '\r',
  '\u0085',
  '\u009b',
  '\u2028',
  '\u2029',
  '\u202e',
  '\u2066',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u00ad',
  '\ud800',
  '\udc00',
  '😀',
  'é',
  'a',
  ' ',
  '@',
  '.',
);
const hostileText = fc.oneof(
  fc.array(hostileChar, { maxLength: 30 }).map((cs) => cs.join('')),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.tuple(fc.string({ maxLength: 10 }), hostileChar, fc.string({ maxLength: 10 })).map((p) => p.join('')),
);

test('the walk finds the free-text fields of every schema', () => {
  const paths = leaves.map((l) => l.path);
  expect(leaves.length).toBeGreaterThan(40);
  for (const expected of ['message.bodyText', 'complainant.name', 'attachments[].name', 'summary', 'owner'])
    expect(paths.some((p) => p.includes(expected))).toBe(true);
});

test.each(leaves.map((l) => [l.path, l] as const))(
  '%s accepts only text that conforms to the policy',
  (_path, leaf) => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const parsed = leaf.schema.safeParse(text);
        if (!parsed.success) return;
        const value = parsed.data as string;
        // What passes is stored as it is: no further change by the policy, nothing it refuses.
        expect(normaliseText(value)).toBe(value);
        const multiLine =
          /bodyText|summary|solution|reason|note|outcome|description|text|recommend|remedy/.test(_path);
        expect(conformsToTextPolicy(value, { multiLine })).toBe(true);
      }),
      { numRuns: 150 },
    );
  },
);

test('known hostile values: controls and lone surrogates refused, separators normalised, bidi removed', () => {
  const name = registrationRequest.shape.message.shape.from.shape.name;
  const body = registrationRequest.shape.message.shape.bodyText;
  expect(name.safeParse('Eva\u0000').success).toBe(false);
  expect(name.safeParse('Eva\ud800').success).toBe(false);
  expect(name.safeParse('Eva\u2028de Vries').success).toBe(false);
  expect(name.safeParse('factuur\u202efdp.exe').data).toBe('factuurfdp.exe');
  expect(body.safeParse('a\u2028b\u2029c\r\nd\re').data).toBe('a\nb\nc\nd\ne');
  expect(body.safeParse('regel\tmet tab').success).toBe(true);
  expect(body.safeParse('bel\u0007').success).toBe(false);
});

test('output that drops instead of refusing: what remains conforms, and conforming text is left as it is', () => {
  for (const multiLine of [false, true]) {
    fc.assert(
      fc.property(hostileText, (text) => {
        const out = withoutControlCharacters(text, { multiLine });
        expect(withoutControlCharacters(out, { multiLine })).toBe(out);
        // Lone surrogates are the one thing the policy refuses that removal does not touch.
        if (!/[\ud800-\udfff]/.test(out) && (multiLine || !out.includes('\n')))
          expect(textPolicyProblem(out, { multiLine })).toBeUndefined();
        if (conformsToTextPolicy(text, { multiLine })) expect(out).toBe(text);
      }),
      { numRuns: 300 },
    );
  }
  expect(withoutControlCharacters('a\u0000b\tc\r\nd\u2028e\u202ef', { multiLine: true })).toBe(
    'ab\tc\nd\nef',
  );
});
