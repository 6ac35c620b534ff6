import { forwardedSender } from '../src/taskpane/model/forwardedSender';
import { daysLeftText, deadlineTone, isLateSubmission } from '../src/taskpane/model/dates';
import { buildStep, STEP_FIELDS } from '../src/taskpane/model/stepFields';
import { CATEGORIES, TERMS, termLabel } from '../src/taskpane/model/registrationChoices';
import { identityOfToken } from '../src/auth/tokenIdentity';
import { createDialogTokenProvider } from '../src/auth/dialogTokenProvider';
import { DEFAULT_CAUSE_CATEGORIES } from '../../domain/src/settings';
import { STANDARD_TERMS } from '../../domain/src/handlingTerm';
import { STEP_TYPES, stepSchema } from '../../domain/src/steps';
import { tokenFor } from './fakes';

const employee = { name: 'Pieter Jansen', address: 'p.jansen@lagant-voorbeeld.nl' };

describe('forwardedSender', () => {
  test.each([
    ['From: Noor Visser <noor.visser@klant.example>', 'Noor Visser', 'noor.visser@klant.example'],
    ['Van: "Visser, Noor" <noor@klant.example>', 'Visser, Noor', 'noor@klant.example'],
    ['> Van: noor@klant.example', 'noor@klant.example', 'noor@klant.example'],
    ['From: Noor Visser [mailto:noor@klant.example]', 'Noor Visser', 'noor@klant.example'],
  ])('%s', (line, name, address) => {
    expect(forwardedSender(`Zie hieronder.\n\n${line}\nSent: gisteren\n\nTekst`, employee)).toEqual({
      name,
      address,
    });
  });

  test('no forwarded header, or one naming the forwarder, proposes nobody', () => {
    expect(forwardedSender('Gewoon een klacht.', employee)).toBeNull();
    expect(forwardedSender('From: Pieter Jansen <p.jansen@lagant-voorbeeld.nl>', employee)).toBeNull();
  });

  test('in a thread forwarded twice, the earliest sender (the last header) is the complainant', () => {
    const body = 'From: Kees <kees@lagant-voorbeeld.nl>\n...\nFrom: Noor <noor@klant.example>\n';
    expect(forwardedSender(body, employee)?.address).toBe('noor@klant.example');
  });
});

describe('dates', () => {
  test.each([
    ['2026-05-06', '2026-05-20T11:02:00+02:00', false],
    ['2026-05-05', '2026-05-20T11:02:00+02:00', true],
    // Received 00:30 in Amsterdam on the 21st is still 22:30 UTC on the 20th: the local date counts.
    ['2026-05-06', '2026-05-20T22:30:00Z', true],
  ])('arose %s, received %s → late %s', (arose, received, late) => {
    expect(isLateSubmission(arose, received)).toBe(late);
  });

  test('tones and texts of days left', () => {
    expect([deadlineTone(-1), deadlineTone(0), deadlineTone(3), deadlineTone(4)]).toEqual([
      'overdue',
      'near',
      'near',
      'later',
    ]);
    expect([daysLeftText(-2), daysLeftText(0), daysLeftText(1), daysLeftText(5)]).toEqual([
      '2 dagen te laat',
      'vandaag',
      'morgen',
      'nog 5 dagen',
    ]);
  });
});

describe('the step forms against the domain schema', () => {
  test('every step type has a form', () => {
    expect(Object.keys(STEP_FIELDS).sort()).toEqual([...STEP_TYPES].sort());
  });

  const filled: Record<string, string> = {
    on: '2026-05-25',
    meetingOn: '2026-06-01',
    note: 'Notitie',
    summary: 'Besluit',
    solution: 'Oplossing',
    agreed: 'no',
    reason: 'Reden',
    expectedBy: '2026-08-20',
    outcome: 'Uitspraak',
    ground: 'repeat',
    relatedComplaint: 'K-2026-0001',
    category: 'facturering',
    text: 'Oorzaak',
    description: 'Maatregel',
    owner: 'Administratie',
    dueOn: '2026-09-01',
    handlerName: 'Kees',
    handlerAddress: 'kees@lagant-voorbeeld.nl',
    agreement: 'true',
  };
  test.each(STEP_TYPES.map((t) => [t]))('%s: a filled form is a valid step body', (type) => {
    const built = buildStep(type, filled);
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    expect(stepSchema.safeParse(built.step).success).toBe(true);
  });

  test('required fields are reported in Dutch', () => {
    expect(buildStep('escalated', {})).toEqual({
      ok: false,
      errors: { on: 'Dit veld is verplicht.', reason: 'Dit veld is verplicht.' },
    });
  });
});

describe('registration choices', () => {
  test('repeat the domain defaults (kept apart for bundle size)', () => {
    expect(CATEGORIES).toEqual([...DEFAULT_CAUSE_CATEGORIES]);
    expect(TERMS).toEqual([...STANDARD_TERMS]);
    expect(termLabel('P10W')).toBe('10 weken');
  });
});

describe('sign-in helpers', () => {
  test('the role and person come from the access token', () => {
    expect(identityOfToken(tokenFor('Directeur', 'Willem', 'w@x.nl'))).toEqual({
      role: 'Directeur',
      name: 'Willem',
      address: 'w@x.nl',
    });
    expect(identityOfToken('not-a-token').role).toBeNull();
  });

  test('the dialog fallback signs in once and reuses the token until it nearly expires', async () => {
    const open = jest.fn(() =>
      Promise.resolve(JSON.stringify({ kind: 'token', accessToken: 'T1', expiresOn: Date.now() + 3600_000 })),
    );
    const tokens = createDialogTokenProvider('https://addin.example/auth-dialog.html', open);
    await expect(Promise.all([tokens.getToken(), tokens.getToken()])).resolves.toEqual(['T1', 'T1']);
    await expect(tokens.getToken()).resolves.toBe('T1');
    expect(open).toHaveBeenCalledTimes(1);
  });

  test('a failed dialog sign-in rejects with its message', async () => {
    const tokens = createDialogTokenProvider('u', () =>
      Promise.resolve(JSON.stringify({ kind: 'error', message: 'Geannuleerd' })),
    );
    await expect(tokens.getToken()).rejects.toThrow('Geannuleerd');
  });
});
