import './jsdomSetup';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { localDateOf } from '../../domain/src/localDate';
import type { OrganisationSettings } from '../../domain/src/organisationSettings';
import type { SettingsView } from '../src/api/deskApi';
import { ApiProblem } from '../src/api/problem';
import DirectorTab from '../src/taskpane/director/DirectorTab';
import { fromDraft, mergeDraft, toDraft } from '../src/taskpane/director/settingsDraft';
import { fakeApi, yearlyFigures } from './fakes';

const settings = (overrides: Partial<OrganisationSettings> = {}): OrganisationSettings => ({
  calendar: {
    liberationDay: 'lustrum',
    goodFridayIsHoliday: false,
    closureDays: [localDateOf(2026, 12, 28)],
  },
  retentionYears: 2,
  defaultTerm: 'P6W',
  thirdParty: { organisation: 'Stichting Geschillen', person: 'mr. A. de Wit', email: 'derde@geschil.nl' },
  causeCategories: ['communicatie', 'planning'],
  noReactionWorkingDays: 10,
  reminderWorkingDays: 2,
  directorAddress: 'directeur@lagant-voorbeeld.nl',
  ...overrides,
});

const view = (version: number, s: OrganisationSettings = settings()): SettingsView => ({
  version,
  etag: `"settings-${version}"`,
  settings: s,
});

function renderDesk(api = fakeApi(), props: { save?: jest.Mock; open?: jest.Mock } = {}) {
  render(
    <FluentProvider theme={webLightTheme}>
      <DirectorTab api={api} year={2026} {...props} />
    </FluentProvider>,
  );
  return api;
}

describe('the settings draft', () => {
  test('validates as the API does, with a Dutch message per field', () => {
    const draft = {
      ...toDraft(settings()),
      retentionYears: '1',
      thirdPartyEmail: 'geen adres',
      causeCategories: 'Met Hoofdletter',
    };
    const checked = fromDraft(draft);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.retentionYears).toBe('Een heel aantal jaren, minimaal 2 en hoogstens 100.');
    expect(checked.errors.thirdPartyEmail).toBe('Vul een geldig e-mailadres in.');
    expect(checked.errors.causeCategories).toMatch(/kleine letters/);
    expect(Object.keys(checked.errors).sort()).toEqual([
      'causeCategories',
      'retentionYears',
      'thirdPartyEmail',
    ]);
    const fine = fromDraft({ ...toDraft(settings()), retentionYears: '7' });
    expect(fine).toMatchObject({ ok: true, settings: { retentionYears: 7 } });
  });

  test('after someone else saved, typed fields are kept and the others take the new version', () => {
    const base = toDraft(settings());
    const typed = { ...base, retentionYears: '7' };
    const fresh = toDraft(settings({ reminderWorkingDays: 5, retentionYears: 3 }));
    const merged = mergeDraft(base, typed, fresh);
    expect(merged.draft.retentionYears).toBe('7');
    expect(merged.draft.reminderWorkingDays).toBe('5');
    expect(merged.conflicts).toEqual(['retentionYears']);
  });
});

describe('the Directeur tab', () => {
  test('key figures with Dutch labels and units, never the API’s keys', async () => {
    const api = fakeApi();
    api.yearlyFigures.mockResolvedValue(yearlyFigures({ total: 4, open: 1, agreementRate: 0.5 }));
    api.weeklySummary.mockResolvedValue({
      week: '2026-W26',
      from: '2026-06-22',
      to: '2026-06-28',
      figures: {
        week: '2026-W26',
        from: '2026-06-22',
        to: '2026-06-28',
        year: 2026,
        newCount: 3,
        closed: 0,
        open: 3,
        overdue: 0,
        acknowledgedInTime: null,
        resolvedInTime: null,
        escalationsOpen: 0,
        thirdPartyOpen: 0,
        lettersFailing: 0,
        anonymised: 0,
        unreviewed: 0,
      },
      lines: [{ label: 'Nieuw deze week', value: '3' }],
    });
    renderDesk(api);
    const list = await screen.findByLabelText('Kerncijfers 2026', { selector: 'dl' });
    expect(within(list).getByText('Klachten ontvangen').nextSibling?.textContent).toBe('4 klachten');
    expect(within(list).getByText('Nog open').nextSibling?.textContent).toBe('1 klacht');
    expect(within(list).getByText('Afgehandeld met overeenstemming').nextSibling?.textContent).toBe('50%');
    expect(list.textContent).not.toMatch(/asOf|agreementRate|pastDue|carriedOut|thirdParty/);
    const weekly = await screen.findByLabelText('Weekoverzicht', { selector: 'dl' });
    expect(within(weekly).getByText('Nieuw deze week').nextSibling?.textContent).toBe('3');
    expect(screen.getByText('Zoals gemaild: 22 juni 2026 t/m 28 juni 2026')).toBeTruthy();
  });

  test('the yearly report opens as HTML, its Excel is saved; recommendations are saved with the measures', async () => {
    const api = fakeApi();
    api.yearlyFigures.mockResolvedValue(yearlyFigures());
    const html = new Blob(['<html></html>'], { type: 'text/html' });
    api.yearlyReportFile.mockImplementation((_year, format) =>
      Promise.resolve({
        blob: format === 'html' ? html : new Blob(['x']),
        fileName: `jaaranalyse-klachten-2026.${format}`,
      }),
    );
    api.saveRecommendations.mockImplementation((_y, recommendations, measuresCarriedOut) =>
      Promise.resolve({
        recommendations,
        measuresCarriedOut,
        savedAt: '2026-07-01T10:00:00Z',
        savedBy: 'Willem de Graaf',
      }),
    );
    const open = jest.fn();
    const save = jest.fn();
    renderDesk(api, { open, save });
    fireEvent.click(await screen.findByRole('button', { name: 'Jaarrapport openen' }));
    await waitFor(() => expect(open).toHaveBeenCalledWith(html, 'jaaranalyse-klachten-2026.html'));
    fireEvent.click(screen.getByRole('button', { name: 'Jaarrapport als Excel' }));
    await waitFor(() =>
      expect(save).toHaveBeenCalledWith(expect.any(Blob), 'jaaranalyse-klachten-2026.xlsx'),
    );

    fireEvent.change(await screen.findByLabelText('Uw aanbevelingen voor het jaarrapport'), {
      target: { value: 'Planning eerder delen.' },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: /K-2026-0001, maatregel 1/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Aanbevelingen opslaan' }));
    expect(await screen.findByText('Aanbevelingen opgeslagen. Ze staan in het jaarrapport.')).toBeTruthy();
    expect(api.saveRecommendations).toHaveBeenCalledWith(2026, 'Planning eerder delen.', ['K-2026-0001#1']);
  });

  test('settings: refused input stays local; a save carries If-Match; a 412 reloads and keeps what was typed', async () => {
    const api = fakeApi();
    api.settings
      .mockResolvedValueOnce(view(3))
      .mockResolvedValueOnce(view(4, settings({ reminderWorkingDays: 5 })));
    api.saveSettings
      .mockRejectedValueOnce(new ApiProblem(412, 'urn:klachtenregister:problem:stale', 'Iemand anders …'))
      .mockImplementationOnce((_etag, s) =>
        Promise.resolve({ ...view(5, s), deadlinesMoved: 2, deadlinesFailed: 0 }),
      );
    renderDesk(api);
    fireEvent.click(screen.getByRole('tab', { name: 'Instellingen' }));

    const retention = await screen.findByRole('spinbutton', { name: 'Bewaartermijn na afsluiting (jaren)' });
    fireEvent.change(retention, { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Instellingen opslaan' }));
    expect(await screen.findByText('Een heel aantal jaren, minimaal 2 en hoogstens 100.')).toBeTruthy();
    expect(api.saveSettings).not.toHaveBeenCalled();

    fireEvent.change(retention, { target: { value: '7' } });
    fireEvent.change(screen.getByLabelText('Nieuwe sluitingsdag'), { target: { value: '2026-12-29' } });
    fireEvent.click(screen.getByRole('button', { name: 'Toevoegen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Instellingen opslaan' }));
    expect(await screen.findByText(/Iemand anders heeft de instellingen intussen gewijzigd/)).toBeTruthy();
    const [etag, sent] = api.saveSettings.mock.lastCall ?? [];
    expect(etag).toBe('"settings-3"');
    expect(sent?.retentionYears).toBe(7);
    expect(sent?.calendar.closureDays).toEqual(['2026-12-28', '2026-12-29']);
    // The other person's change arrived, this person's input stayed.
    expect(screen.getByRole('spinbutton', { name: 'Bewaartermijn na afsluiting (jaren)' })).toHaveProperty(
      'value',
      '7',
    );
    expect(
      screen.getByRole('spinbutton', { name: 'Herinnering aan de behandelaar (werkdagen vóór een termijn)' }),
    ).toHaveProperty('value', '5');
    expect(screen.getByText('29 december 2026')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Instellingen opslaan' }));
    expect(
      await screen.findByText(
        'Instellingen opgeslagen (versie 5). Bij 2 klachten zijn de termijnen aangepast.',
      ),
    ).toBeTruthy();
    expect(api.saveSettings).toHaveBeenLastCalledWith(
      '"settings-4"',
      expect.objectContaining({ retentionYears: 7, reminderWorkingDays: 5 }),
    );
  });

  test('what was typed in the settings survives a look at the overview', async () => {
    const api = fakeApi();
    api.settings.mockResolvedValue(view(1));
    renderDesk(api);
    fireEvent.click(screen.getByRole('tab', { name: 'Instellingen' }));
    fireEvent.change(await screen.findByRole('textbox', { name: 'Contactpersoon' }), {
      target: { value: 'mw. B. Jansen' },
    });
    fireEvent.click(screen.getByRole('tab', { name: 'Overzicht' }));
    expect(screen.queryByRole('textbox', { name: 'Contactpersoon' })).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: 'Instellingen' }));
    expect(screen.getByRole('textbox', { name: 'Contactpersoon' })).toHaveProperty('value', 'mw. B. Jansen');
    expect(api.settings).toHaveBeenCalledTimes(1);
  });

  test('settings read-only for whoever may not change them', async () => {
    const api = fakeApi();
    api.settings.mockResolvedValue(view(1));
    render(
      <FluentProvider theme={webLightTheme}>
        <DirectorTab api={api} year={2026} canChangeSettings={false} />
      </FluentProvider>,
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Instellingen' }));
    const organisation = await screen.findByRole('textbox', { name: 'Organisatie' });
    expect(organisation).toHaveProperty('readOnly', true);
    expect(screen.queryByRole('button', { name: 'Instellingen opslaan' })).toBeNull();
    expect(screen.getByText(/Alleen de directeur kan ze wijzigen/)).toBeTruthy();
  });
});
