import { parseEmailAddress, sameEmailAddress } from '../src/emailAddress';
import { emailAddressSchema } from '../src/schemas';

describe('EmailAddress', () => {
  test('normalised: trimmed and lower-cased', () => {
    expect(parseEmailAddress('  Eva.de.Boer@Klant.Example ')).toBe('eva.de.boer@klant.example');
    expect(parseEmailAddress('eva@klant.example')).toBe('eva@klant.example');
  });

  test('validated: one @ with text on both sides, no spaces, no control characters, at most 320 characters', () => {
    for (const text of [
      '',
      '   ',
      'eva',
      '@klant.example',
      'eva@',
      'eva@@klant.example',
      'eva de boer@klant.example',
    ])
      expect(parseEmailAddress(text)).toBeUndefined();
    expect(parseEmailAddress('eva\u0000@klant.example')).toBeUndefined();
    expect(parseEmailAddress('eva\u0085@klant.example')).toBeUndefined();
    const local = 'a'.repeat(64);
    expect(parseEmailAddress(`${local}@${'b'.repeat(320 - 65)}`)).toBeDefined();
    expect(parseEmailAddress(`${local}@${'b'.repeat(321 - 65)}`)).toBeUndefined();
  });

  test('every address the API accepts is one, and the same one however it was written', () => {
    for (const text of ['Eva@Klant.example', ' p.jansen@lagant.example', 'x@y']) {
      const parsed = emailAddressSchema.safeParse(text);
      expect(parsed.success).toBe(true);
      expect(parseEmailAddress(parsed.data ?? '')).toBe(text.trim().toLowerCase());
    }
  });

  test('the same mailbox regardless of case and surrounding space; text that is no address is never the same', () => {
    expect(sameEmailAddress('Eva@Klant.example ', 'eva@klant.example')).toBe(true);
    expect(sameEmailAddress('eva@klant.example', 'eve@klant.example')).toBe(false);
    expect(sameEmailAddress('', '')).toBe(false);
    expect(sameEmailAddress('eva', 'EVA')).toBe(false);
  });
});
