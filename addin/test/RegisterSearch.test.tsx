import './jsdomSetup';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ComplaintSummary } from '../../domain/src/api/complaintView';
import { ApiProblem } from '../src/api/problem';
import { DossierDownload } from '../src/taskpane/complaint/DossierDownload';
import RegisterTab from '../src/taskpane/register/RegisterTab';
import { rowOf } from '../src/taskpane/register/registerRow';
import { complaintView, fakeApi, summaryOf } from './fakes';

const listed: ComplaintSummary = {
  id: 'l1',
  number: 'K-2026-0012',
  status: 'open',
  listing: {
    complainantName: 'José Müller',
    complainantAddress: 'jose@klant-voorbeeld.nl',
    handlerName: 'Sanne Bakker',
    subject: 'Cursusdatum verschoven',
    receivedOn: '2026-06-01',
    nextDeadline: { key: 'resolveBy', date: '2026-06-20', overdue: true },
  },
};

const wrap = (ui: React.ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

describe('the register rows', () => {
  test('from the listing when the server sends one, else from the view', () => {
    expect(rowOf(listed)).toEqual({
      id: 'l1',
      number: 'K-2026-0012',
      status: 'open',
      complainant: 'José Müller',
      handler: 'Sanne Bakker',
      subject: 'Cursusdatum verschoven',
      next: { date: '2026-06-20', label: 'Afhandelen' },
    });
    const view = complaintView({
      deadlineOutcomes: {
        acknowledgeBy: { outcome: 'met', doneOn: '2026-05-21' },
        resolveBy: { outcome: 'pending' },
      },
    });
    expect(rowOf(summaryOf(view))).toMatchObject({
      complainant: 'Femke Dijkstra',
      handler: 'Sanne Bakker',
      next: { date: '2026-07-01', label: 'Afhandelen' },
    });
    expect(rowOf({ id: 'x', number: 'K-2026-0001', status: 'open' })).toEqual({
      id: 'x',
      number: 'K-2026-0001',
      status: 'open',
    });
  });
});

describe('the Register tab', () => {
  test('a search by name asks the whole register and shows complainant, handler, deadline and status', async () => {
    const api = fakeApi();
    api.searchComplaints.mockImplementation((s) =>
      Promise.resolve({
        items: s.q ? [listed, { ...summaryOf(complaintView({ id: 'c9', status: 'closed' })) }] : [],
      }),
    );
    const onOpen = jest.fn();
    wrap(<RegisterTab api={api} director onOpenComplaint={onOpen} today="2026-06-25" />);
    await waitFor(() =>
      expect(api.searchComplaints).toHaveBeenCalledWith({ status: 'open', sort: 'urgency' }),
    );
    fireEvent.change(screen.getByRole('searchbox', { name: 'Zoek in het register' }), {
      target: { value: ' müller ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Zoeken' }));
    const list = await screen.findByRole('list', { name: 'Gevonden klachten' });
    expect(api.searchComplaints).toHaveBeenLastCalledWith({ q: 'müller' });
    const [first, second] = within(list).getAllByRole('button');
    expect(first?.textContent).toContain('José Müller');
    expect(first?.textContent).toContain('Behandelaar: Sanne Bakker');
    expect(first?.textContent).toContain('Afhandelen: 20 juni 2026');
    expect(first?.textContent).toContain('5 dagen te laat');
    expect(second?.textContent).toContain('Afgesloten');
    fireEvent.click(first!);
    expect(onOpen).toHaveBeenCalledWith({ id: 'l1', number: 'K-2026-0012', status: 'open' });
    // Emptying the box goes back to the list.
    fireEvent.change(screen.getByRole('searchbox', { name: 'Zoek in het register' }), {
      target: { value: '' },
    });
    expect(await screen.findByText('Geen open klachten.')).toBeTruthy();
  });

  test('nothing found says so', async () => {
    const api = fakeApi();
    wrap(<RegisterTab api={api} onOpenComplaint={jest.fn()} />);
    await waitFor(() =>
      expect(api.searchComplaints).toHaveBeenCalledWith({ status: 'open', handler: 'me', sort: 'urgency' }),
    );
    fireEvent.change(screen.getByRole('searchbox', { name: 'Zoek in het register' }), {
      target: { value: 'K-2026-9' },
    });
    fireEvent.submit(screen.getByRole('search'));
    expect(await screen.findByText('Geen klachten gevonden.')).toBeTruthy();
  });
});

describe('the dossier in one click', () => {
  test('saves the ZIP under the server’s name; a failure says so in Dutch', async () => {
    const zip = new Blob(['PK'], { type: 'application/zip' });
    const load = jest
      .fn()
      .mockResolvedValueOnce({ blob: zip, fileName: 'dossier-K-2026-0007.zip' })
      .mockRejectedValueOnce(
        new ApiProblem(503, 'urn:klachtenregister:problem:unavailable', 'De opslag is even niet bereikbaar.'),
      );
    const save = jest.fn();
    wrap(<DossierDownload complaintId="c1" number="K-2026-0007" load={load} save={save} />);
    fireEvent.click(screen.getByRole('button', { name: 'Dossier downloaden' }));
    await waitFor(() => expect(save).toHaveBeenCalledWith(zip, 'dossier-K-2026-0007.zip'));
    expect(load).toHaveBeenCalledWith('c1');
    fireEvent.click(await screen.findByRole('button', { name: 'Dossier downloaden' }));
    expect(await screen.findByText('De opslag is even niet bereikbaar.')).toBeTruthy();
    expect(save).toHaveBeenCalledTimes(1);
  });
});
