import type { LetterKindOf, LetterTemplate } from '../letterBlocks';
import { acknowledgement } from './acknowledgement';
import { bindingRuling } from './bindingRuling';
import { causesAndMeasures } from './causesAndMeasures';
import { clarificationMeeting } from './clarificationMeeting';
import { closing } from './closing';
import { escalation } from './escalation';
import { escalationReply } from './escalationReply';
import { extension } from './extension';
import { inadmissibleLate } from './inadmissibleLate';
import { inadmissibleRepeat } from './inadmissibleRepeat';
import { informationRequest } from './informationRequest';
import { meetingInvitation } from './meetingInvitation';
import { outcome } from './outcome';
import { thirdPartyReferral } from './thirdPartyReferral';

/** Every letter's template, one file each; a new letter kind of the domain does not compile without one. */
export const LETTER_TEMPLATES: { readonly [K in LetterKindOf]: LetterTemplate<K> } = {
  acknowledgement,
  extension,
  escalation,
  inadmissibleLate,
  inadmissibleRepeat,
  thirdPartyReferral,
  outcome,
  closing,
  bindingRuling,
  escalationReply,
  causesAndMeasures,
  informationRequest,
  meetingInvitation,
  clarificationMeeting,
};
