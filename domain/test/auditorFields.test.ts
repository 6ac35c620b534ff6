import { toStatistics } from '../src/anonymise';
import { toRegisterRecord } from '../src/registerRecord';
import { refused, registered, walk } from './helpers';

describe('remedy sought and well-founded (auditors)', () => {
  test('the remedy is kept from registration; blank means none', () => {
    expect(registered({ remedy: '  Geld terug  ' }).remedy).toBe('Geld terug');
    expect(registered({ remedy: '   ' }).remedy).toBeUndefined();
  });

  test('the decision records whether the complaint was well-founded; record and statistics carry it', () => {
    const s = walk(registered({ remedy: 'Creditnota' }), [
      [{ type: 'decisionTaken', summary: 'Terecht', wellFounded: 'deels gegrond' }, '2026-03-10'],
    ]);
    expect(s.decision).toMatchObject({ wellFounded: 'deels gegrond' });
    expect(toRegisterRecord(s)).toMatchObject({ remedy: 'Creditnota', wellFounded: 'deels gegrond' });
    expect(toStatistics(s, s.receivedOn)).toMatchObject({ wellFounded: 'deels gegrond' });
  });

  test('only gegrond, deels gegrond or ongegrond', () => {
    const r = refused(
      registered(),
      { type: 'decisionTaken', summary: 'x', wellFounded: 'half' } as never,
      '2026-03-10',
    );
    expect(r.ok).toBe(false);
  });
});
