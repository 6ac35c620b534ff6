import './jsdomSetup';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { RegistrationRequest } from '../../domain/src/api/registration';
import { RegisterPanel } from '../src/taskpane/RegisterPanel';
import { preloadRegistrationFields } from '../src/taskpane/useRegistrationFields';
import { message } from './fakes';

const me = { name: 'Sanne Bakker', address: 'sanne.bakker@lagant-voorbeeld.nl' };

function panel(register: (r: RegistrationRequest) => Promise<void> = jest.fn()) {
  return (
    <FluentProvider theme={webLightTheme}>
      <RegisterPanel
        message={message()}
        me={me}
        register={register}
        readAttachments={() => Promise.resolve([])}
      />
    </FluentProvider>
  );
}

// The order matters: the first test meets the fields' chunk not yet loaded, the second one loaded.
describe('the first screen and the fields’ chunk', () => {
  test('before the fields have arrived there is no button to click; it comes with them, under them', async () => {
    const { unmount } = render(panel());
    expect(screen.getByRole('heading', { name: 'Nog niet geregistreerd' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Formulier laden…');
    expect(screen.queryByLabelText('Behandeltermijn')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();

    const button = await screen.findByRole('button', { name: 'Registreer klacht' });
    const lastField = screen.getByLabelText('E-mailadres klager');
    expect(lastField.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByText('Formulier laden…')).toBeNull();
    unmount();
  });

  test('once the chunk is loaded the fields and the button are there in the very first render', async () => {
    await preloadRegistrationFields();
    const register = jest.fn((_r: RegistrationRequest) => Promise.resolve());
    render(panel(register));
    expect(screen.getByLabelText('Behandeltermijn')).toBeTruthy();
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Registreer klacht' });
    expect(button.disabled).toBe(false);
    await act(async () => {
      fireEvent.click(button);
    });
    await waitFor(() => expect(register).toHaveBeenCalledTimes(1));
  });
});
