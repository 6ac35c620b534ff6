import './jsdomSetup';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../src/taskpane/App';
import { identityOfToken } from '../src/auth/tokenIdentity';
import type { KlachtenApi } from '../src/api/klachtenApi';
import type { MailboxAccess } from '../src/taskpane/mailboxAccess';
import type { OpenItem } from '../src/office/openMessage';
import { ApiProblem } from '../src/api/problem';
import { complaintView, fakeApi, message, summaryOf, tokenFor, yearlyFigures } from './fakes';

function mailboxWith(item: OpenItem): MailboxAccess {
  return {
    readOpenItem: () => Promise.resolve(item),
    readAttachmentContents: () => Promise.resolve([]),
    onOpenItemChanged: () => undefined,
  };
}

function renderApp(api: KlachtenApi, role: string, item: OpenItem = { kind: 'message', message: message() }) {
  const identity = identityOfToken(tokenFor(role));
  render(
    <FluentProvider theme={webLightTheme}>
      <App api={api} mailbox={mailboxWith(item)} loadIdentity={() => Promise.resolve(identity)} />
    </FluentProvider>,
  );
}

describe('App (the task pane)', () => {
  test('a Medewerker sees "geregistreerd als K-…" and nothing of the content, and no tabs', async () => {
    const view = complaintView();
    const api = fakeApi({ findByMessage: jest.fn(() => Promise.resolve(summaryOf(view, false))) });
    renderApp(api, 'Medewerker');
    expect((await screen.findByTestId('complaint-number')).textContent).toBe('K-2026-0007');
    expect(screen.getByRole('heading', { name: /Geregistreerd als/ })).toBeTruthy();
    expect(screen.queryByText(view.subject)).toBeNull();
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(api.getComplaint).not.toHaveBeenCalled();
  });

  test('a handler registers the e-mail and then sees the complaint with its steps', async () => {
    const view = complaintView();
    const api = fakeApi({
      register: jest.fn(() => Promise.resolve({ complaint: summaryOf(view), created: true })),
    });
    renderApp(api, 'Klachtbehandelaar');
    fireEvent.click(await screen.findByRole('button', { name: 'Registreer klacht' }));
    expect((await screen.findByTestId('complaint-number')).textContent).toBe('K-2026-0007');
    expect(await screen.findByRole('combobox', { name: 'Stap' })).toBeTruthy();
    // The button pressed is gone: the focus went to the complaint's heading, not to the page's start.
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('heading', { name: /Geregistreerd als K-2026-0007/ }),
      ),
    );
    expect(await screen.findByRole('tab', { name: 'Register' })).toBeTruthy();
    expect(screen.queryByRole('tab', { name: 'Directeur' })).toBeNull();
  });

  test('an e-mail registered earlier opens its complaint without taking the focus', async () => {
    const view = complaintView();
    const api = fakeApi({ findByMessage: jest.fn(() => Promise.resolve(summaryOf(view))) });
    renderApp(api, 'Klachtbehandelaar');
    expect(await screen.findByRole('combobox', { name: 'Stap' })).toBeTruthy();
    expect(document.activeElement).toBe(document.body);
  });

  test('a compose window gets an explanation instead of the button', async () => {
    renderApp(fakeApi(), 'Klachtbehandelaar', { kind: 'none', reason: 'compose' });
    expect(await screen.findByText('Dit is een concept')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Registreer klacht' })).toBeNull();
  });

  test('the Register tab lists open complaints by next deadline, with mine/all/overdue filters', async () => {
    const later = complaintView({
      id: 'a',
      number: 'K-2026-0001',
      subject: 'Later',
      deadlines: { resolveBy: '2026-09-01' },
    });
    const sooner = complaintView({
      id: 'b',
      number: 'K-2026-0002',
      subject: 'Sooner',
      deadlines: { acknowledgeBy: '2026-01-02' },
    });
    const api = fakeApi({
      searchComplaints: jest.fn(() => Promise.resolve({ items: [summaryOf(later), summaryOf(sooner)] })),
      getComplaint: jest.fn(() => Promise.resolve(sooner)),
    });
    renderApp(api, 'Klachtbehandelaar');
    fireEvent.click(await screen.findByRole('tab', { name: 'Register' }));
    const list = await screen.findByRole('list', { name: 'Open klachten' });
    const numbers = within(list)
      .getAllByRole('button')
      .map((b) => b.textContent?.slice(0, 11));
    expect(numbers).toEqual(['K-2026-0002', 'K-2026-0001']);
    expect(api.searchComplaints).toHaveBeenLastCalledWith({ status: 'open', handler: 'me', sort: 'urgency' });
    fireEvent.click(screen.getByRole('radio', { name: 'Te laat' }));
    await waitFor(() =>
      expect(api.searchComplaints).toHaveBeenLastCalledWith({
        status: 'open',
        overdue: true,
        sort: 'urgency',
      }),
    );
    fireEvent.click(screen.getByRole('radio', { name: 'Alle open' }));
    await waitFor(() =>
      expect(api.searchComplaints).toHaveBeenLastCalledWith({ status: 'open', sort: 'urgency' }),
    );
    fireEvent.click(
      within(await screen.findByRole('list', { name: 'Open klachten' })).getAllByRole('button')[0]!,
    );
    await waitFor(() => expect(api.getComplaint).toHaveBeenCalledWith('b'));
    expect((await screen.findByTestId('complaint-number')).textContent).toBe('K-2026-0002');
  });

  test('the Directeur tab shows a calm message while the reports are not deployed, and the figures once they are', async () => {
    const api = fakeApi();
    renderApp(api, 'Directeur');
    fireEvent.click(await screen.findByRole('tab', { name: 'Directeur' }));
    expect(
      await screen.findByText('De kerncijfers is nog niet beschikbaar. Probeer het later opnieuw.'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(
      await screen.findByText(
        'De export van het register is nu niet beschikbaar. Probeer het later opnieuw.',
      ),
    ).toBeTruthy();
    api.yearlyFigures.mockResolvedValue(yearlyFigures({ year: new Date().getFullYear() - 1, total: 12 }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Jaar' }), {
      target: { value: String(new Date().getFullYear() - 1) },
    });
    expect(await screen.findByText('Klachten ontvangen')).toBeTruthy();
    expect(screen.getByText('12 klachten')).toBeTruthy();
  });

  test('the director starts the register at all open complaints, most urgent first', async () => {
    const api = fakeApi();
    renderApp(api, 'Directeur');
    fireEvent.click(await screen.findByRole('tab', { name: 'Register' }));
    await waitFor(() =>
      expect(api.searchComplaints).toHaveBeenLastCalledWith({ status: 'open', sort: 'urgency' }),
    );
    expect(screen.getByRole('radio', { name: 'Alle open' })).toHaveProperty('checked', true);
  });

  test('an API failure on start shows what went wrong with a retry', async () => {
    const api = fakeApi({
      findByMessage: jest
        .fn()
        .mockRejectedValueOnce(new ApiProblem(0, 'network', 'Het klachtenregister is niet bereikbaar.'))
        .mockResolvedValueOnce(null),
    });
    renderApp(api, 'Klachtbehandelaar');
    expect(await screen.findByText('Het klachtenregister is niet bereikbaar.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    expect(await screen.findByRole('button', { name: 'Registreer klacht' })).toBeTruthy();
  });
});
