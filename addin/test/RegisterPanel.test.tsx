import './jsdomSetup';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { RegistrationRequest } from '../../domain/src/api/registration';
import type { AdmissibilityCheck } from '../../domain/src/api/procedure';
import { RegisterPanel } from '../src/taskpane/RegisterPanel';
import { ApiProblem } from '../src/api/problem';
import { deferred, message } from './fakes';
import type { OpenMessage } from '../src/office/openMessage';

const me = { name: 'Sanne Bakker', address: 'sanne.bakker@lagant-voorbeeld.nl' };

/** Renders the panel and waits for its fields, which arrive as a chunk of their own after the first screen. */
async function renderPanel(
  register: (r: RegistrationRequest) => Promise<void>,
  msg: OpenMessage = message(),
  check?: (r: RegistrationRequest) => Promise<AdmissibilityCheck>,
  onOpenComplaint?: (id: string) => void,
) {
  await act(async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <RegisterPanel
          message={msg}
          me={me}
          register={register}
          readAttachments={() => Promise.resolve([])}
          check={check}
          onOpenComplaint={onOpenComplaint}
        />
      </FluentProvider>,
    );
  });
  await screen.findByLabelText('Behandeltermijn');
}

const earlier = {
  id: 'c0',
  number: 'K-2026-0001',
  subject: 'Klacht over dubbele factuur',
  status: 'closed',
  receivedOn: '2026-03-02',
  decidedOn: '2026-03-05',
};
const repeatCheck: AdmissibilityCheck = {
  late: false,
  receivedOn: '2026-05-20',
  similar: [{ ...earlier, decidedOn: '2026-03-05', matchedOn: ['address'], similarity: 1 }],
  related: [earlier],
};

const button = () =>
  screen.getByRole<HTMLButtonElement>('button', { name: /Registreer klacht|Bezig met registreren/ });

describe('RegisterPanel (not registered yet)', () => {
  test('summarises the e-mail and offers the optional fields with sensible defaults', async () => {
    await renderPanel(jest.fn());
    expect(screen.getByRole('heading', { name: 'Nog niet geregistreerd' })).toBeTruthy();
    expect(screen.getByText('Klacht over dubbele factuur')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Wanneer ontstond het probleem?').value).toBe('');
    const term = screen.getByLabelText<HTMLSelectElement>('Behandeltermijn');
    expect(term.value).toBe('P6W');
    expect([...term.options].map((o) => o.text)).toEqual([
      '6 weken',
      '8 weken',
      '10 weken',
      '12 weken',
      '2 maanden',
      '3 maanden',
    ]);
    expect(screen.getByLabelText<HTMLInputElement>('E-mailadres behandelaar').value).toBe(me.address);
    expect(screen.getByLabelText<HTMLInputElement>('Naam klager').value).toBe('Femke Dijkstra');
    expect(screen.getAllByRole('button')).toHaveLength(1);
  });

  test('a forwarded e-mail proposes the original sender as the complainant', async () => {
    await renderPanel(
      jest.fn(),
      message({
        from: { name: 'Pieter Jansen (medewerker)', address: 'p.jansen@lagant-voorbeeld.nl' },
        bodyText:
          'Zie hieronder.\n\n-----Original Message-----\nFrom: Noor Visser <noor.visser@klant.example>\nSent: Thursday\n\nTekst',
      }),
    );
    expect(screen.getByLabelText<HTMLInputElement>('Naam klager').value).toBe('Noor Visser');
    expect(screen.getByLabelText<HTMLInputElement>('E-mailadres klager').value).toBe(
      'noor.visser@klant.example',
    );
    expect(screen.getByText(/Doorgestuurd bericht/)).toBeTruthy();
  });

  test('warns "te laat ingediend" when ontstaan op lies more than 2 weeks before receipt', async () => {
    await renderPanel(jest.fn());
    fireEvent.change(screen.getByLabelText('Wanneer ontstond het probleem?'), {
      target: { value: '2026-05-10' },
    });
    expect(screen.queryByText('Mogelijk te laat ingediend')).toBeNull();
    fireEvent.change(screen.getByLabelText('Wanneer ontstond het probleem?'), {
      target: { value: '2026-04-10' },
    });
    expect(screen.getByText('Mogelijk te laat ingediend')).toBeTruthy();
  });

  test('sends only what differs from the defaults, shows progress and cannot be pressed twice', async () => {
    const pending = deferred<void>();
    const register = jest.fn((_request: RegistrationRequest) => pending.promise);
    await renderPanel(register);
    fireEvent.change(screen.getByLabelText('Wanneer ontstond het probleem?'), {
      target: { value: '2026-05-15' },
    });
    fireEvent.change(screen.getByLabelText('Behandeltermijn'), { target: { value: 'P3M' } });
    fireEvent.change(screen.getByLabelText('Categorie'), { target: { value: 'facturering' } });
    fireEvent.click(button());
    fireEvent.click(button());
    await waitFor(() => expect(register).toHaveBeenCalledTimes(1));
    expect(button().textContent).toContain('Bezig met registreren');
    expect(button().disabled).toBe(true);
    const request = register.mock.calls[0]![0];
    expect(request).toMatchObject({
      issueAroseOn: '2026-05-15',
      handlingTerm: 'P3M',
      category: 'facturering',
    });
    expect(request.handler).toBeUndefined();
    expect(request.complainant).toBeUndefined();
    expect(request.message.internetMessageId).toBe('<m1@klant.example>');
    await act(async () => pending.resolve());
  });

  test('a failure says what went wrong and keeps everything typed', async () => {
    const register = jest.fn(() =>
      Promise.reject(
        new ApiProblem(400, 'validation', 'De registratie is ongeldig.', [
          { field: 'complainant.address', message: 'Geen geldig e-mailadres.' },
        ]),
      ),
    );
    await renderPanel(register);
    fireEvent.change(screen.getByLabelText('E-mailadres klager'), { target: { value: 'noor@' } });
    fireEvent.change(screen.getByLabelText('Behandeltermijn'), { target: { value: 'P8W' } });
    fireEvent.click(button());
    expect(await screen.findByText('De registratie is ongeldig.')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('E-mailadres klager').value).toBe('noor@');
    expect(screen.getByLabelText<HTMLSelectElement>('Behandeltermijn').value).toBe('P8W');
    expect(button().disabled).toBe(false);
    expect(screen.getAllByText('Geen geldig e-mailadres.').length).toBeGreaterThan(0);
  });

  test('hostile content is shown as text', async () => {
    await renderPanel(jest.fn(), message({ subject: '<img src=x onerror=alert(1)> Klacht' }));
    expect(screen.getByText('<img src=x onerror=alert(1)> Klacht')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });

  test("shows the sender's earlier complaints before registering, from the dry run", async () => {
    const check = jest.fn((_r: RegistrationRequest) => Promise.resolve(repeatCheck));
    const open = jest.fn();
    await renderPanel(jest.fn(), message(), check, open);
    const list = await screen.findByRole('region', { name: 'Eerdere klachten van deze afzender' });
    expect(check).toHaveBeenCalledTimes(1);
    expect(check.mock.calls[0]![0].message.internetMessageId).toBe('<m1@klant.example>');
    fireEvent.click(within(list).getByRole('link', { name: 'K-2026-0001' }));
    expect(open).toHaveBeenCalledWith('c0');
  });

  test('a probable repeat offers two actions; "niet-ontvankelijk" sends the ground and the earlier complaint', async () => {
    const register = jest.fn((_r: RegistrationRequest) => Promise.resolve());
    await renderPanel(register, message(), () => Promise.resolve(repeatCheck));
    expect(await screen.findByText('Mogelijk herhaalde klacht')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Registreer klacht' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Registreren en in behandeling nemen' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^Registreren als niet-ontvankelijk/ }));
    await waitFor(() => expect(register).toHaveBeenCalledTimes(1));
    expect(register.mock.calls[0]![0].admissibility).toEqual({
      decision: 'inadmissible',
      ground: 'repeat',
      relatedComplaint: 'K-2026-0001',
    });
  });

  test('late: "Registreren en in behandeling nemen" registers as usual, without a decision', async () => {
    const register = jest.fn((_r: RegistrationRequest) => Promise.resolve());
    await renderPanel(register);
    fireEvent.change(screen.getByLabelText('Wanneer ontstond het probleem?'), {
      target: { value: '2026-04-10' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Registreren en in behandeling nemen' }));
    await waitFor(() => expect(register).toHaveBeenCalledTimes(1));
    expect(register.mock.calls[0]![0].admissibility).toBeUndefined();
    expect(register.mock.calls[0]![0].issueAroseOn).toBe('2026-04-10');
  });
});
