import './jsdomSetup';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import ComplaintPanel from '../src/taskpane/complaint/ComplaintPanel';
import { ApiProblem } from '../src/api/problem';
import { complaintView, fakeApi, queuedLetter } from './fakes';
import type { KlachtenApi } from '../src/api/klachtenApi';
import type { ComplaintView } from '../../domain/src/api/complaintView';

function renderPanel(api: KlachtenApi, view: ComplaintView = complaintView(), onOpen = jest.fn()) {
  render(
    <FluentProvider theme={webLightTheme}>
      <ComplaintPanel
        api={api}
        complaintId={view.id}
        initial={view}
        today="2026-05-25"
        onOpenComplaint={onOpen}
      />
    </FluentProvider>,
  );
  return onOpen;
}

const stepSelect = () => screen.getByRole<HTMLSelectElement>('combobox', { name: 'Stap' });

describe('ComplaintPanel (registered, for handlers)', () => {
  test('shows number, status and the deadlines with days left, coloured by urgency', () => {
    renderPanel(
      fakeApi(),
      complaintView({
        deadlines: { acknowledgeBy: '2026-05-27', resolveBy: '2026-07-01', extensionNoticeBy: '2026-05-22' },
      }),
    );
    expect(screen.getByTestId('complaint-number').textContent).toBe('K-2026-0007');
    expect(screen.getByText('In behandeling')).toBeTruthy();
    const deadlines = within(screen.getByRole('region', { name: 'Termijnen' }));
    expect(deadlines.getByText('nog 2 dagen').getAttribute('data-tone')).toBe('near');
    expect(deadlines.getByText('3 dagen te laat').getAttribute('data-tone')).toBe('overdue');
    expect(deadlines.getByText('nog 37 dagen').getAttribute('data-tone')).toBe('later');
  });

  test('a deadline that was met shows when, not days left', () => {
    renderPanel(
      fakeApi(),
      complaintView({
        deadlines: { acknowledgeBy: '2026-05-27', resolveBy: '2026-07-01' },
        deadlineOutcomes: {
          acknowledgeBy: { outcome: 'met', doneOn: '2026-05-21' },
          resolveBy: { outcome: 'pending' },
        },
      }),
    );
    const deadlines = within(screen.getByRole('region', { name: 'Termijnen' }));
    expect(deadlines.getByText(/op tijd/).getAttribute('data-tone')).toBe('met');
    expect(deadlines.queryByText('nog 2 dagen')).toBeNull();
    expect(deadlines.getByText('nog 37 dagen')).toBeTruthy();
  });

  test('offers only the steps the API allows, with their Dutch labels', () => {
    renderPanel(fakeApi());
    expect([...stepSelect().options].map((o) => o.text)).toEqual([
      '(kies een stap)',
      'Besluit genomen',
      'Ontvangstbevestiging verstuurd',
      'Verlenging vastgesteld',
      'Voorgelegd aan directeur',
    ]);
    // The usual next step first, every other allowed step under "Andere stap".
    const groups = [...stepSelect().querySelectorAll('optgroup')].map((g) => [
      g.label,
      [...g.querySelectorAll('option')].map((o) => o.text),
    ]);
    expect(groups).toEqual([
      ['Volgende stap', ['Besluit genomen']],
      [
        'Andere stap',
        ['Ontvangstbevestiging verstuurd', 'Verlenging vastgesteld', 'Voorgelegd aan directeur'],
      ],
    ]);
    expect(screen.getByRole('heading', { name: 'Volgende stap' })).toBeTruthy();
  });

  test('records an extension with reason and expected date, sending the ETag it read', async () => {
    const after = complaintView({
      etag: 'W/"2"',
      allowedSteps: ['decisionTaken'],
      timeline: [
        { at: '2026-05-20', type: 'registered', by: 'Sanne Bakker' },
        {
          at: '2026-05-25',
          type: 'extensionDetermined',
          by: 'Sanne Bakker',
          detail: {
            type: 'extensionDetermined',
            on: '2026-05-25',
            reason: 'Wachten op docent',
            expectedBy: '2026-08-20',
          },
        },
      ],
    });
    const api = fakeApi({ recordStep: jest.fn(() => Promise.resolve(after)) });
    renderPanel(api);
    fireEvent.change(stepSelect(), { target: { value: 'extensionDetermined' } });
    fireEvent.click(screen.getByRole('button', { name: 'Vastleggen' }));
    expect(await screen.findAllByText('Dit veld is verplicht.')).toHaveLength(3);
    expect(api.recordStep).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText(/Vastgesteld op/), { target: { value: '2026-05-25' } });
    fireEvent.change(screen.getByLabelText(/Reden van de verlenging/), {
      target: { value: 'Wachten op docent' },
    });
    fireEvent.change(screen.getByLabelText(/Verwachte datum/), { target: { value: '2026-08-20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Vastleggen' }));
    await screen.findByText('Vastgelegd.');
    expect(api.recordStep).toHaveBeenCalledWith('c1', 'W/"1"', {
      type: 'extensionDetermined',
      on: '2026-05-25',
      reason: 'Wachten op docent',
      expectedBy: '2026-08-20',
    });
    const timeline = within(screen.getByRole('region', { name: 'Tijdlijn' }));
    expect(timeline.getByText('Verlenging vastgesteld')).toBeTruthy();
    expect(timeline.getByText('Reden van de verlenging: Wachten op docent')).toBeTruthy();
  });

  test('a 412 explains that someone else changed it, reloads, and keeps what was typed', async () => {
    const fresh = complaintView({ etag: 'W/"5"', allowedSteps: ['decisionTaken', 'escalated'] });
    const api = fakeApi({
      recordStep: jest
        .fn()
        .mockRejectedValueOnce(new ApiProblem(412, 'stale', 'Gewijzigd'))
        .mockResolvedValueOnce(fresh),
      getComplaint: jest.fn(() => Promise.resolve(fresh)),
    });
    renderPanel(api);
    fireEvent.change(stepSelect(), { target: { value: 'decisionTaken' } });
    fireEvent.change(screen.getByLabelText(/^Besluit/), { target: { value: 'Factuur wordt gecrediteerd' } });
    fireEvent.click(screen.getByRole('button', { name: 'Vastleggen' }));
    expect(await screen.findByText('De klacht is intussen gewijzigd')).toBeTruthy();
    expect(api.getComplaint).toHaveBeenCalledWith('c1');
    expect(screen.getByLabelText<HTMLTextAreaElement>(/^Besluit/).value).toBe('Factuur wordt gecrediteerd');
    fireEvent.click(screen.getByRole('button', { name: 'Vastleggen' }));
    await waitFor(() => expect(api.recordStep).toHaveBeenLastCalledWith('c1', 'W/"5"', expect.anything()));
  });

  test('a refusal (409) shows the reason from the API', async () => {
    const api = fakeApi({
      recordStep: jest.fn(() =>
        Promise.reject(new ApiProblem(409, 'refused', 'De klacht ligt al bij de directeur.')),
      ),
    });
    renderPanel(api);
    fireEvent.change(stepSelect(), { target: { value: 'escalated' } });
    fireEvent.change(screen.getByLabelText(/Voorgelegd op/), { target: { value: '2026-05-25' } });
    fireEvent.change(screen.getByLabelText(/Waarom de directeur/), {
      target: { value: 'Bedrag boven mandaat' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Vastleggen' }));
    expect(await screen.findByText('De klacht ligt al bij de directeur.')).toBeTruthy();
  });

  test('warns about a possible repeat complaint with a link to the earlier one', async () => {
    const api = fakeApi({
      similar: jest.fn(() =>
        Promise.resolve([
          {
            id: 'c0',
            number: 'K-2026-0001',
            subject: 'Dubbele factuur',
            decidedOn: '2026-03-01',
            matchedOn: ['address'],
            similarity: 0.8,
          },
        ]),
      ),
    });
    const onOpen = renderPanel(api);
    expect(await screen.findByText('Mogelijk herhaalde klacht')).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'K-2026-0001' }));
    expect(onOpen).toHaveBeenCalledWith('c0');
  });

  test('shows the R11 register fields and a letter preview in a sandboxed frame', async () => {
    const api = fakeApi({
      letterPreview: jest.fn(() =>
        Promise.resolve({
          ...queuedLetter,
          subject: 'Ontvangstbevestiging K-2026-0007',
          html: '<p>Beste</p>',
          text: 'Beste',
          to: { name: 'Femke Dijkstra', address: 'femke@x.nl' },
        }),
      ),
    });
    renderPanel(api);
    const record = within(screen.getByRole('region', { name: 'Registergegevens' }));
    expect(record.getByText('Naam klager')).toBeTruthy();
    expect(record.getAllByText('nog niet ingevuld')).toHaveLength(3);
    fireEvent.click(await screen.findByRole('button', { name: 'Voorbeeld: Ontvangstbevestiging' }));
    const frame = await screen.findByTitle(/Voorbeeld van de brief/);
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(api.letterPreview).toHaveBeenCalledWith('c1', 1);
  });

  test('a waiting letter takes a personal paragraph; the preview shows the saved letter', async () => {
    const preview = (html: string) => ({
      ...queuedLetter,
      subject: 'Ontvangstbevestiging K-2026-0007',
      html,
      text: 'Beste',
      to: { name: 'Femke Dijkstra', address: 'femke@x.nl' },
    });
    const api = fakeApi({
      letterPreview: jest.fn(() => Promise.resolve(preview('<p>Beste</p>'))),
      saveLetterNote: jest.fn(() => Promise.resolve(preview('<p>Beste</p><p>Wij bellen u.</p>'))),
    });
    renderPanel(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Voorbeeld: Ontvangstbevestiging' }));
    const note = await screen.findByRole('textbox', { name: /Persoonlijke alinea/ });
    fireEvent.change(note, { target: { value: 'Wij bellen u.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Alinea opslaan' }));
    await waitFor(() => expect(api.saveLetterNote).toHaveBeenCalledWith('c1', 1, 'Wij bellen u.'));
    await waitFor(() =>
      expect(screen.getByTitle(/Voorbeeld van de brief/).getAttribute('srcdoc')).toContain('Wij bellen u.'),
    );
  });

  test('a letter whose sending failed can be sent again; a refusal is shown in Dutch', async () => {
    const api = fakeApi({
      letters: jest.fn(() =>
        Promise.resolve([
          { ...queuedLetter, status: 'failed', statusLabel: 'verzending mislukt', attempts: 5 },
        ]),
      ),
      retryLetter: jest
        .fn()
        .mockRejectedValueOnce(
          new ApiProblem(
            409,
            'x',
            'Alleen een brief waarvan de verzending is mislukt kan opnieuw worden verstuurd.',
          ),
        )
        .mockResolvedValueOnce(undefined),
    });
    renderPanel(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Opnieuw versturen' }));
    expect(await screen.findByText(/kan opnieuw worden verstuurd/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Opnieuw versturen' }));
    await waitFor(() => expect(api.retryLetter).toHaveBeenCalledTimes(2));
    expect(api.retryLetter).toHaveBeenCalledWith('c1', 1);
  });
});
