import './jsdomSetup';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { RegistrationRequest } from '../../domain/src/api/registration';
import { RegisterPanel } from '../src/taskpane/RegisterPanel';
import { message } from './fakes';

// The fields' chunk that has not arrived yet: it never finishes loading in this file.
jest.mock('../src/taskpane/RegistrationFields', () => {
  const { use } = jest.requireActual<typeof import('react')>('react');
  const never = new Promise<never>(() => undefined);
  return {
    RegistrationFields: () => use(never),
  };
});

describe('the first screen, before the fields have arrived', () => {
  test('"Registreer klacht" is there and registers the e-mail with the defaults', async () => {
    const register = jest.fn((_r: RegistrationRequest) => Promise.resolve());
    await act(async () => {
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
    });
    expect(screen.getByRole('heading', { name: 'Nog niet geregistreerd' })).toBeTruthy();
    expect(screen.queryByLabelText('Behandeltermijn')).toBeNull();
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Registreer klacht' });
    expect(button.disabled).toBe(false);
    // The fields still suspend on every render: act must be awaited for React to settle.
    await act(async () => {
      fireEvent.click(button);
    });
    await waitFor(() => expect(register).toHaveBeenCalledTimes(1));
    const request = register.mock.calls[0]![0];
    expect(request.message.internetMessageId).toBe('<m1@klant.example>');
    expect(request.handlingTerm).toBeUndefined();
    expect(request.admissibility).toBeUndefined();
  });
});
