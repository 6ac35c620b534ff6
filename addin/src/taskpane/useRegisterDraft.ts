import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { AdmissibilityCheck } from '../../../domain/src/api/procedure';
import type { RegistrationRequest } from '../../../domain/src/api/registration';
import { toApiProblem } from '../api/problem';
import type { AttachmentContent, OpenMessage } from '../office/openMessage';
import type { Party } from './model/forwardedSender';
import {
  admissibilityOffer,
  dateInvalid,
  initialRegisterState,
  registerReducer,
  registrationOf,
  requestFor,
  type AdmissibilityOffer,
  type RegisterChoice,
  type RegisterDraft,
  type RegisterState,
} from './model/registerDraft';

export interface RegisterDraftDeps {
  message: OpenMessage;
  me?: Party | undefined;
  register: (request: RegistrationRequest) => Promise<void>;
  readAttachments: () => Promise<AttachmentContent[]>;
  /** The registration's dry run; absent (or refusing, as for a Medewerker) means: no earlier complaints shown. */
  check?: ((request: RegistrationRequest) => Promise<AdmissibilityCheck>) | undefined;
}

export interface RegisterDraftModel extends RegisterState {
  offer: AdmissibilityOffer | null;
  dateInvalid: boolean;
  set: (key: keyof RegisterDraft) => (value: string) => void;
  submit: (choice: RegisterChoice) => Promise<void>;
}

/** The registration form's state: the draft, the dry run as the e-mail opens (and as the date changes), sending. */
export function useRegisterDraft({ message, me, register, readAttachments, check }: RegisterDraftDeps) {
  const [state, dispatch] = useReducer(registerReducer, undefined, () => initialRegisterState(message, me));
  const inFlight = useRef(false);

  useEffect(() => {
    if (me) dispatch({ type: 'me', me });
  }, [me]);

  // The latest dry run function without re-running it for every render's new closure.
  const checkRef = useRef(check);
  checkRef.current = check;
  const aroseOn = dateInvalid(state.draft) ? '' : state.draft.issueAroseOn;
  useEffect(() => {
    const check = checkRef.current;
    if (!check) return;
    let live = true;
    const draft = { ...state.draft, issueAroseOn: aroseOn };
    check(registrationOf(message, [], draft, me)).then(
      (answer) => live && dispatch({ type: 'checked', check: answer }),
      // No dry run (a Medewerker, a network hiccup): registering still works and the server still checks.
      () => undefined,
    );
    return () => {
      live = false;
    };
    // Only the e-mail and the date change the dry run's answer.
  }, [message, aroseOn]);

  const offer = admissibilityOffer(state, message);
  const submit = useCallback(
    async (choice: RegisterChoice): Promise<void> => {
      // A ref, not only state: two clicks in the same frame must not send two requests.
      if (inFlight.current) return;
      inFlight.current = true;
      dispatch({ type: 'submitted' });
      try {
        const attachments = await readAttachments();
        await register(requestFor(choice, offer, registrationOf(message, attachments, state.draft, me)));
      } catch (error) {
        dispatch({
          type: 'failed',
          problem: toApiProblem(
            error,
            'Registreren is niet gelukt. Probeer het opnieuw; wat u invulde staat er nog.',
          ),
        });
        inFlight.current = false;
      }
    },
    [message, me, offer, readAttachments, register, state.draft],
  );

  const set = useCallback(
    (key: keyof RegisterDraft) =>
      (value: string): void =>
        dispatch({ type: 'edit', key, value }),
    [],
  );

  const model: RegisterDraftModel = { ...state, offer, dateInvalid: dateInvalid(state.draft), set, submit };
  return model;
}
