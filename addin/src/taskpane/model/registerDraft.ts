import type { AdmissibilityCheck, SimilarCandidate } from '../../../../domain/src/api/procedure';
import type { RegistrationRequest } from '../../../../domain/src/api/registration';
import type { ApiProblem } from '../../api/problem';
import type { AttachmentContent, OpenMessage } from '../../office/openMessage';
import { isIsoDate, isLateSubmission } from './dates';
import { forwardedSender, type Party } from './forwardedSender';
import { DEFAULT_TERM } from './registrationChoices';
import { messageInputOf } from './messageInput';

/** What the handler typed; kept across failed attempts. */
export interface RegisterDraft {
  issueAroseOn: string;
  handlingTerm: string;
  category: string;
  handlerName: string;
  handlerAddress: string;
  complainantName: string;
  complainantAddress: string;
  /** The ground chosen for "niet-ontvankelijk" when both apply; '' = the one that applies. */
  ground: '' | 'late' | 'repeat';
  /** The earlier complaint (number) a repeat refers to; '' = the most similar one. */
  relatedComplaint: string;
}

/** How the handler registers: as usual, or declared inadmissible at once (the only letter is that decision). */
export type RegisterChoice = 'admit' | 'inadmissible';

export interface RegisterState {
  draft: RegisterDraft;
  busy: boolean;
  problem: ApiProblem | null;
  /** The dry run's answer for the e-mail (null until it came, or when the caller may not ask). */
  check: AdmissibilityCheck | null;
}

export type RegisterAction =
  | { type: 'edit'; key: keyof RegisterDraft; value: string }
  | { type: 'me'; me: Party }
  | { type: 'checked'; check: AdmissibilityCheck }
  | { type: 'submitted' }
  | { type: 'failed'; problem: ApiProblem };

export function initialRegisterState(message: OpenMessage, me: Party | undefined): RegisterState {
  const complainant = forwardedSender(message.bodyText, message.from) ?? message.from;
  return {
    draft: {
      issueAroseOn: '',
      handlingTerm: DEFAULT_TERM,
      category: '',
      handlerName: me?.name ?? '',
      handlerAddress: me?.address ?? '',
      complainantName: complainant.name,
      complainantAddress: complainant.address,
      ground: '',
      relatedComplaint: '',
    },
    busy: false,
    problem: null,
    check: null,
  };
}

/** The registration's state transitions; pure. */
export function registerReducer(state: RegisterState, action: RegisterAction): RegisterState {
  switch (action.type) {
    case 'edit':
      return { ...state, draft: { ...state.draft, [action.key]: action.value } };
    case 'me': {
      // "me" arrives with the first token; fill it in unless the handler already typed someone else.
      const d = state.draft;
      if (d.handlerName || d.handlerAddress) return state;
      return { ...state, draft: { ...d, handlerName: action.me.name, handlerAddress: action.me.address } };
    }
    case 'checked':
      return { ...state, check: action.check };
    case 'submitted':
      return state.busy ? state : { ...state, busy: true, problem: null };
    case 'failed':
      return { ...state, busy: false, problem: action.problem };
  }
}

/** What the pane warns about before the first letter: late, and/or a probable repeat of an earlier complaint. */
export interface AdmissibilityOffer {
  late: boolean;
  /** Decided complaints of the same complainant about a similar subject, most similar first. */
  repeats: readonly SimilarCandidate[];
  /** The ground "Registreren als niet-ontvankelijk" would use. */
  ground: 'late' | 'repeat';
  /** For a repeat: the earlier complaint it repeats. */
  relatedComplaint?: SimilarCandidate;
}

export const dateInvalid = (draft: RegisterDraft): boolean =>
  draft.issueAroseOn !== '' && !isIsoDate(draft.issueAroseOn);

/** Null when neither applies: then there is one action, "Registreer klacht". */
export function admissibilityOffer(state: RegisterState, message: OpenMessage): AdmissibilityOffer | null {
  const { draft, check } = state;
  // The same two-week rule as the server's, so the warning follows the date as it is typed.
  const late =
    !dateInvalid(draft) &&
    draft.issueAroseOn !== '' &&
    isLateSubmission(draft.issueAroseOn, message.receivedAt);
  const repeats = check?.similar ?? [];
  if (!late && repeats.length === 0) return null;
  const related = repeats.find((r) => r.number === draft.relatedComplaint) ?? repeats[0];
  // The handler's choice of ground counts only where that ground applies.
  let ground: 'late' | 'repeat' = draft.ground || (late ? 'late' : 'repeat');
  if (ground === 'late' && !late) ground = 'repeat';
  if (ground === 'repeat' && !related) ground = 'late';
  return { late, repeats, ground, ...(related ? { relatedComplaint: related } : {}) };
}

/** The registration body: only what differs from the API's defaults (sender, me, 6 weeks) is sent. */
export function registrationOf(
  message: OpenMessage,
  attachments: AttachmentContent[],
  draft: RegisterDraft,
  me: Party | undefined,
): RegistrationRequest {
  const request: RegistrationRequest = { message: messageInputOf(message, attachments) };
  if (draft.issueAroseOn && isIsoDate(draft.issueAroseOn)) request.issueAroseOn = draft.issueAroseOn;
  if (draft.handlingTerm !== DEFAULT_TERM) request.handlingTerm = draft.handlingTerm;
  if (draft.category.trim()) request.category = draft.category.trim();
  const handler = { name: draft.handlerName.trim(), address: draft.handlerAddress.trim() };
  if (handler.address && handler.address.toLowerCase() !== (me?.address ?? '').toLowerCase()) {
    request.handler = { name: handler.name || handler.address, address: handler.address };
  }
  const complainant = { name: draft.complainantName.trim(), address: draft.complainantAddress.trim() };
  if (
    complainant.address &&
    (complainant.address.toLowerCase() !== message.from.address.toLowerCase() ||
      complainant.name !== message.from.name)
  ) {
    request.complainant = { name: complainant.name || complainant.address, address: complainant.address };
  }
  return request;
}

/** The body for the chosen action; "niet-ontvankelijk" carries its ground and, for a repeat, the earlier one. */
export function requestFor(
  choice: RegisterChoice,
  offer: AdmissibilityOffer | null,
  base: RegistrationRequest,
): RegistrationRequest {
  if (choice === 'admit' || !offer) return base;
  return {
    ...base,
    admissibility: {
      decision: 'inadmissible',
      ground: offer.ground,
      ...(offer.ground === 'repeat' && offer.relatedComplaint
        ? { relatedComplaint: offer.relatedComplaint.number }
        : {}),
    },
  };
}
