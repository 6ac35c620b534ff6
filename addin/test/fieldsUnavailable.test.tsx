import './jsdomSetup';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { RegistrationRequest } from '../../domain/src/api/registration';
import { RegisterPanel } from '../src/taskpane/RegisterPanel';
import { message } from './fakes';

// The fields' chunk cannot be loaded (the network went away after the pane's first chunk).
jest.mock('../src/taskpane/RegistrationFields', () => {
  throw new Error('chunk failed');
});

test('without the fields’ chunk the pane says so and "Registreer klacht" registers with the defaults', async () => {
  const register = jest.fn((_r: RegistrationRequest) => Promise.resolve());
  render(
    <FluentProvider theme={webLightTheme}>
      <RegisterPanel
        message={message()}
        me={{ name: 'Sanne Bakker', address: 'sanne.bakker@lagant-voorbeeld.nl' }}
        register={register}
        readAttachments={() => Promise.resolve([])}
      />
    </FluentProvider>,
  );
  expect(await screen.findByText(/De velden voor de registratie konden niet worden geladen/)).toBeTruthy();
  const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Registreer klacht' });
  expect(screen.queryByLabelText('Behandeltermijn')).toBeNull();
  await act(async () => {
    fireEvent.click(button);
  });
  await waitFor(() => expect(register).toHaveBeenCalledTimes(1));
  const request = register.mock.calls[0]![0];
  expect(request.message.internetMessageId).toBe('<m1@klant.example>');
  expect(request.handlingTerm).toBeUndefined();
  expect(request.admissibility).toBeUndefined();
});
