import './jsdomSetup';
import { render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { EscalationsList } from '../src/taskpane/director/EscalationsList';
import { ApiProblem } from '../src/api/problem';
import type { EscalationItem } from '../src/api/procedureApi';

const show = (escalations: () => Promise<EscalationItem[]>) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <EscalationsList api={{ escalations }} />
    </FluentProvider>,
  );

describe('EscalationsList ("Aan u voorgelegd")', () => {
  test('lists each complaint with its handler and the one-month deadline, overdue marked', async () => {
    show(() =>
      Promise.resolve([
        {
          id: 'a',
          number: 'K-2026-0002',
          handlerName: 'Sanne Bakker',
          respondBy: '2026-04-16',
          overdue: true,
        },
        {
          id: 'b',
          number: 'K-2026-0005',
          handlerName: 'Jan de Vries',
          respondBy: '2026-05-02',
          overdue: false,
        },
      ]),
    );
    expect(await screen.findByText('K-2026-0002')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Aan u voorgelegd' })).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText(/uiterlijk 16 april 2026/)).toBeTruthy();
    expect(screen.getAllByText('te laat')).toHaveLength(1);
  });

  test('says so when nothing is waiting', async () => {
    show(() => Promise.resolve([]));
    expect(await screen.findByText('Er zijn nu geen klachten aan u voorgelegd.')).toBeTruthy();
  });

  test('a failure shows its Dutch message', async () => {
    show(() => Promise.reject(new ApiProblem(503, 'about:blank', 'Het register is even niet bereikbaar.')));
    expect(await screen.findByText('Het register is even niet bereikbaar.')).toBeTruthy();
  });
});
