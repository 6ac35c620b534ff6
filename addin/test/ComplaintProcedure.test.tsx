import './jsdomSetup';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import ComplaintPanel from '../src/taskpane/complaint/ComplaintPanel';
import { ApiProblem } from '../src/api/problem';
import type { OutlookForms } from '../src/taskpane/model/outlookForms';
import { complaintView, fakeApi } from './fakes';
import type { KlachtenApi } from '../src/api/klachtenApi';
import type { ComplaintView } from '../../domain/src/api/complaintView';

function renderPanel(api: KlachtenApi, view: ComplaintView, forms?: OutlookForms) {
  render(
    <FluentProvider theme={webLightTheme}>
      <ComplaintPanel api={api} complaintId={view.id} initial={view} today="2026-05-25" forms={forms} />
    </FluentProvider>,
  );
}

const stepSelect = () => screen.getByRole<HTMLSelectElement>('combobox', { name: 'Stap' });
const choose = (type: string) => fireEvent.change(stepSelect(), { target: { value: type } });

const outlook = (reply: boolean, appointment: boolean) => ({
  canOpenReply: () => reply,
  canOpenAppointment: () => appointment,
  openReply: jest.fn(),
  openAppointment: jest.fn(),
});

describe('closing asks for confirmation', () => {
  const view = complaintView({
    allowedSteps: ['closed'],
    register: { omschrijving: 'Dubbele factuur', naamKlager: 'Femke Dijkstra', oplossing: 'Creditnota' },
  });

  test('"Vastleggen" shows the register fields and that closing is final; only confirming records it', async () => {
    const api = fakeApi({
      recordStep: jest.fn(() => Promise.resolve(complaintView({ status: 'closed', allowedSteps: [] }))),
    });
    renderPanel(api, view);
    choose('closed');
    fireEvent.click(screen.getByRole('button', { name: 'Vastleggen' }));
    const dialog = screen.getByRole('alertdialog', { name: /afsluiten\?/ });
    expect(dialog.textContent).toContain('Afsluiten is definitief');
    expect(dialog.textContent).toContain('Creditnota');
    expect(api.recordStep).not.toHaveBeenCalled();
    expect(document.activeElement?.textContent).toBe('Definitief afsluiten');
    fireEvent.click(screen.getByRole('button', { name: 'Annuleren' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Vastleggen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Definitief afsluiten' }));
    await waitFor(() => expect(api.recordStep).toHaveBeenCalledTimes(1));
    expect(await screen.findByText(/Vastgelegd\./)).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.getAttribute('role')).toBe('status'));
  });

  test('a refusal (409) shows its Dutch reason', async () => {
    const reason = 'De klager heeft nog niet gereageerd op de voorgestelde oplossing.';
    const api = fakeApi({
      recordStep: jest.fn(() => Promise.reject(new ApiProblem(409, 'reactionPending', reason))),
    });
    renderPanel(api, view);
    choose('closed');
    fireEvent.click(screen.getByRole('button', { name: 'Vastleggen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Definitief afsluiten' }));
    expect(await screen.findByText(reason)).toBeTruthy();
  });

  test('closed without agreement: the referral to the independent third party is offered', () => {
    renderPanel(fakeApi(), complaintView({ status: 'closed', allowedSteps: ['referredToThirdParty'] }));
    fireEvent.click(screen.getByRole('button', { name: 'Voorleggen aan onafhankelijke derde' }));
    expect(stepSelect().value).toBe('referredToThirdParty');
  });
});

describe('steps that act in Outlook', () => {
  const view = complaintView({ allowedSteps: ['informationRequested', 'meetingScheduled'] });

  test('"Informatie opgevraagd" opens a prepared Dutch reply with the complaint tag', async () => {
    const forms = outlook(true, true);
    const api = fakeApi({ recordStep: jest.fn(() => Promise.resolve(view)) });
    renderPanel(api, view, forms);
    choose('informationRequested');
    fireEvent.change(screen.getByLabelText('Toelichting'), { target: { value: 'Welk factuurnummer?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Vastleggen' }));
    await waitFor(() => expect(forms.openReply).toHaveBeenCalledTimes(1));
    const html = (forms.openReply.mock.calls[0] as [{ html: string }])[0].html;
    expect(html).toContain('[K-2026-0007]');
    expect(html).toContain('Welk factuurnummer?');
    expect(html).toContain('Beste Femke Dijkstra');
    expect(api.recordStep.mock.calls[0]![2]).not.toHaveProperty('viaLetter');
  });

  test('"Afspraak gepland" opens a prepared invitation to the complainant on the chosen day', async () => {
    const forms = outlook(true, true);
    const api = fakeApi({ recordStep: jest.fn(() => Promise.resolve(view)) });
    renderPanel(api, view, forms);
    choose('meetingScheduled');
    fireEvent.change(screen.getByLabelText(/Datum afspraak/), { target: { value: '2026-06-02' } });
    fireEvent.click(screen.getByRole('button', { name: 'Vastleggen' }));
    await waitFor(() => expect(forms.openAppointment).toHaveBeenCalledTimes(1));
    const draft = (
      forms.openAppointment.mock.calls[0] as [{ attendees: string[]; start: Date; subject: string }]
    )[0];
    expect(draft.attendees).toEqual(['femke.dijkstra@klant-voorbeeld.nl']);
    expect(draft.start.getDate()).toBe(2);
    expect(draft.subject).toContain('[K-2026-0007]');
  });

  test('without the Outlook forms a letter goes out instead, and says so', async () => {
    const api = fakeApi({ recordStep: jest.fn(() => Promise.resolve(view)) });
    renderPanel(api, view, outlook(false, false));
    choose('informationRequested');
    expect(screen.getByText(/er gaat een brief naar de klager/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Vastleggen' }));
    expect(await screen.findByText(/ze gaan per brief/)).toBeTruthy();
    expect(api.recordStep).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Toelichting'), { target: { value: 'Welk factuurnummer?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Vastleggen' }));
    await waitFor(() => expect(api.recordStep).toHaveBeenCalledTimes(1));
    expect(api.recordStep.mock.calls[0]![2]).toMatchObject({ viaLetter: true, note: 'Welk factuurnummer?' });
  });
});

test('"Omschrijving" is saved through the API with the ETag read', async () => {
  const view = complaintView();
  const api = fakeApi({
    editDescription: jest.fn(() =>
      Promise.resolve(complaintView({ description: 'Dubbele factuur', etag: 'W/"2"' })),
    ),
  });
  renderPanel(api, view);
  fireEvent.change(screen.getByLabelText('Omschrijving'), { target: { value: 'Dubbele factuur' } });
  fireEvent.click(screen.getByRole('button', { name: 'Omschrijving opslaan' }));
  await waitFor(() => expect(api.editDescription).toHaveBeenCalledWith('c1', 'W/"1"', 'Dubbele factuur'));
});
