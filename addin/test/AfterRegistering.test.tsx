import './jsdomSetup';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import ComplaintPanel from '../src/taskpane/complaint/ComplaintPanel';
import { complaintView, fakeApi, queuedLetter } from './fakes';
import type { KlachtenApi } from '../src/api/klachtenApi';
import type { ComplaintView } from '../../domain/src/api/complaintView';
import type { LetterView } from '../../domain/src/api/letters';

// 25 May 2026, 13:50 in Amsterdam (summer time).
const now = new Date('2026-05-25T11:50:00Z');

function renderPanel(api: KlachtenApi, view: ComplaintView = complaintView()) {
  render(
    <FluentProvider theme={webLightTheme}>
      <ComplaintPanel api={api} complaintId={view.id} initial={view} today="2026-05-25" now={now} />
    </FluentProvider>,
  );
}

const previewOf = (letter: LetterView) => ({
  ...letter,
  subject: 'Ontvangstbevestiging K-2026-0007',
  html: '<p>Beste mevrouw Dijkstra,</p>',
  text: 'Beste mevrouw Dijkstra,',
  to: { name: 'Femke Dijkstra', address: 'femke.dijkstra@klant-voorbeeld.nl' },
});

const withLetter = (letter: LetterView) =>
  fakeApi({
    letters: jest.fn(() => Promise.resolve([letter])),
    letterPreview: jest.fn(() => Promise.resolve(previewOf(letter))),
  });

describe('after registering: what the system did', () => {
  test('sent: "Ontvangstbevestiging verstuurd aan <naam> — bekijken" opens the letter and moves the focus there', async () => {
    const sent: LetterView = {
      ...queuedLetter,
      status: 'sent',
      statusLabel: 'verzonden',
      sentOn: '2026-05-25',
    };
    const api = withLetter(sent);
    renderPanel(api);
    const message = await screen.findByText(/Ontvangstbevestiging verstuurd aan Femke Dijkstra/);
    expect(message.textContent).toBe('Ontvangstbevestiging verstuurd aan Femke Dijkstra — bekijken');
    fireEvent.click(within(message).getByRole('link', { name: 'bekijken' }));
    const preview = await screen.findByRole('group', { name: 'Voorbeeld: Ontvangstbevestiging' });
    await waitFor(() => expect(document.activeElement).toBe(preview));
    expect(api.letterPreview).toHaveBeenCalledWith('c1', 1);
    // A sent letter can no longer be changed.
    expect(screen.queryByRole('textbox', { name: /Persoonlijke alinea/ })).toBeNull();
  });

  test('in its review window: "gaat om HH:MM de deur uit" (Amsterdam time) and "aanpassen" opens the paragraph', async () => {
    const waiting: LetterView = { ...queuedLetter, sendsAt: '2026-05-25T12:05:00Z' };
    const api = withLetter(waiting);
    renderPanel(api);
    const message = await screen.findByText(/de deur uit/);
    expect(message.textContent).toBe(
      'Ontvangstbevestiging aan Femke Dijkstra gaat om 14:05 de deur uit — aanpassen',
    );
    fireEvent.click(within(message).getByRole('link', { name: 'aanpassen' }));
    const note = await screen.findByRole('textbox', { name: /Persoonlijke alinea/ });
    await waitFor(() => expect(document.activeElement).toBe(note));
    expect(screen.getByRole('button', { name: 'Alinea opslaan' })).toBeTruthy();
  });

  test('waiting without a time ahead: it goes with the next run, to be looked at', async () => {
    const due: LetterView = { ...queuedLetter, sendsAt: '2026-05-25T11:49:00Z' };
    renderPanel(withLetter(due));
    const message = await screen.findByText(/staat klaar/);
    expect(message.textContent).toBe(
      'Ontvangstbevestiging aan Femke Dijkstra staat klaar en gaat binnenkort de deur uit — bekijken',
    );
  });
});

describe('"Volgende stap": the usual step(s) of the stage with their deadline', () => {
  const card = () => within(screen.getByRole('region', { name: 'Volgende stap' }));

  test('after registering: the decision, by the outcome deadline; the other steps under "Andere stap"', () => {
    renderPanel(fakeApi());
    const button = card().getByRole('button', { name: 'Besluit genomen' });
    expect(button.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(button.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Uitkomst aan de klager uiterlijk 1 juli 2026',
    );
    const other = screen
      .getByRole('combobox', { name: 'Stap' })
      .querySelector('optgroup[label="Andere stap"]');
    expect([...other!.querySelectorAll('option')].map((o) => o.text)).toEqual([
      'Ontvangstbevestiging verstuurd',
      'Verlenging vastgesteld',
      'Voorgelegd aan directeur',
    ]);
  });

  test('after a proposal: the complainant’s reaction by the reaction date, then closing without agreement', () => {
    const view = complaintView({
      allowedSteps: ['agreementRecorded', 'closed', 'reassigned'],
      nextSteps: [
        { type: 'agreementRecorded', due: { deadline: 'reactionBy', on: '2026-05-22' } },
        { type: 'closed' },
      ],
    });
    renderPanel(fakeApi(), view);
    expect(
      card().getByRole('button', { name: 'Reactie klager vastgelegd (akkoord / niet akkoord)' }),
    ).toBeTruthy();
    expect(card().getByRole('button', { name: 'Afgesloten' })).toBeTruthy();
    expect(
      card().getByText(
        'Geen reactie van de klager binnen de termijn (tot en met 22 mei 2026): afsluiten zonder overeenstemming kan',
      ),
    ).toBeTruthy();
  });

  test('escalated: the director’s reply about the procedure, by its deadline; clicking selects the step', () => {
    const view = complaintView({
      allowedSteps: ['escalationResponded', 'reassigned'],
      nextSteps: [
        { type: 'escalationResponded', due: { deadline: 'escalationResponseBy', on: '2026-06-25' } },
      ],
    });
    renderPanel(fakeApi(), view);
    expect(
      card().getByText('Reactie van de directeur over de werkwijze uiterlijk 25 juni 2026'),
    ).toBeTruthy();
    fireEvent.click(card().getByRole('button', { name: 'Reactie over werkwijze gegeven' }));
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Stap' }).value).toBe(
      'escalationResponded',
    );
  });

  test('a deadline that has passed says so, not "uiterlijk" as if there were still time', () => {
    const view = complaintView({
      allowedSteps: ['decided', 'escalationResponded', 'reassigned'],
      nextSteps: [
        { type: 'decided', due: { deadline: 'resolveBy', on: '2026-05-22' } },
        { type: 'escalationResponded', due: { deadline: 'escalationResponseBy', on: '2026-05-24' } },
      ],
    });
    // The panel's today is 25 May 2026.
    renderPanel(fakeApi(), view);
    expect(
      card().getByText('Uitkomst aan de klager uiterlijk 22 mei 2026: deze termijn is verstreken'),
    ).toBeTruthy();
    expect(
      card().getByText(
        'Reactie van de directeur over de werkwijze uiterlijk 24 mei 2026: deze termijn is verstreken',
      ),
    ).toBeTruthy();
  });
});
