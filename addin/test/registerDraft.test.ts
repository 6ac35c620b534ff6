import type { AdmissibilityCheck } from '../../domain/src/api/procedure';
import { ApiProblem } from '../src/api/problem';
import {
  admissibilityOffer,
  initialRegisterState,
  registerReducer,
  registrationOf,
  requestFor,
  type RegisterState,
} from '../src/taskpane/model/registerDraft';
import { message } from './fakes';

const me = { name: 'Sanne Bakker', address: 'sanne.bakker@lagant-voorbeeld.nl' };
const candidate = (number: string, id = number) => ({
  id,
  number,
  subject: 'Klacht over dubbele factuur',
  decidedOn: '2026-03-05',
  matchedOn: ['address'] as const,
  similarity: 1,
});
const check = (similar: AdmissibilityCheck['similar']): AdmissibilityCheck => ({
  late: false,
  receivedOn: '2026-05-20',
  similar,
  related: [],
});
const edit = (state: RegisterState, key: keyof RegisterState['draft'], value: string) =>
  registerReducer(state, { type: 'edit', key, value });

describe('the registration reducer', () => {
  const start = initialRegisterState(message(), undefined);

  test('fills in "me" only while the handler typed nobody else', () => {
    expect(registerReducer(start, { type: 'me', me }).draft.handlerAddress).toBe(me.address);
    const typed = edit(start, 'handlerName', 'Piet');
    expect(registerReducer(typed, { type: 'me', me }).draft.handlerAddress).toBe('');
  });

  test('submitting is busy once; a failure keeps the draft and says why', () => {
    const typed = edit(start, 'category', 'facturering');
    const busy = registerReducer(typed, { type: 'submitted' });
    expect(busy.busy).toBe(true);
    expect(registerReducer(busy, { type: 'submitted' })).toBe(busy);
    const problem = new ApiProblem(400, 'validation', 'Ongeldig.');
    const failed = registerReducer(busy, { type: 'failed', problem });
    expect(failed).toMatchObject({ busy: false, problem, draft: { category: 'facturering' } });
  });
});

describe('the admissibility offer', () => {
  const start = initialRegisterState(message(), me);

  test('none while in time and without a similar decided complaint', () => {
    expect(admissibilityOffer(edit(start, 'issueAroseOn', '2026-05-10'), message())).toBeNull();
    expect(
      admissibilityOffer(registerReducer(start, { type: 'checked', check: check([]) }), message()),
    ).toBeNull();
  });

  test('late: the ground is late, and the body carries no earlier complaint', () => {
    const offer = admissibilityOffer(edit(start, 'issueAroseOn', '2026-04-10'), message());
    expect(offer).toMatchObject({ late: true, ground: 'late' });
    const body = requestFor('inadmissible', offer, registrationOf(message(), [], start.draft, me));
    expect(body.admissibility).toEqual({ decision: 'inadmissible', ground: 'late' });
    expect(requestFor('admit', offer, body).admissibility).toEqual(body.admissibility);
    expect(
      requestFor('admit', offer, registrationOf(message(), [], start.draft, me)).admissibility,
    ).toBeUndefined();
  });

  test('a repeat takes the most similar, or the one chosen; a ground that does not apply is not used', () => {
    const checked = registerReducer(start, {
      type: 'checked',
      check: check([candidate('K-2026-0001'), candidate('K-2026-0003')]),
    });
    expect(admissibilityOffer(checked, message())).toMatchObject({
      ground: 'repeat',
      relatedComplaint: { number: 'K-2026-0001' },
    });
    const chosen = edit(checked, 'relatedComplaint', 'K-2026-0003');
    const offer = admissibilityOffer(edit(chosen, 'ground', 'late'), message());
    expect(offer).toMatchObject({
      late: false,
      ground: 'repeat',
      relatedComplaint: { number: 'K-2026-0003' },
    });
    const body = requestFor('inadmissible', offer, registrationOf(message(), [], chosen.draft, me));
    expect(body.admissibility).toEqual({
      decision: 'inadmissible',
      ground: 'repeat',
      relatedComplaint: 'K-2026-0003',
    });
  });

  test('late and a repeat: the handler chooses the ground', () => {
    const both = edit(
      registerReducer(start, { type: 'checked', check: check([candidate('K-2026-0001')]) }),
      'issueAroseOn',
      '2026-04-10',
    );
    expect(admissibilityOffer(both, message())?.ground).toBe('late');
    expect(admissibilityOffer(edit(both, 'ground', 'repeat'), message())?.ground).toBe('repeat');
  });
});
