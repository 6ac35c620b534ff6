import type { LetterView } from '../../../../domain/src/api/letters';
import { amsterdamDate, formatDateTime, formatTime } from './dates';

/** What the pane says about the acknowledgement right after registering, and what the handler can do with it. */
export interface AcknowledgementNotice {
  intent: 'success' | 'info' | 'error';
  text: string;
  /** "bekijken": read the letter; "aanpassen": it still waits, a paragraph can be added before it goes. */
  action: 'bekijken' | 'aanpassen';
}

/**
 * Sent: to whom. Waiting in its review window (it goes at `sendsAt`, still ahead): at what time, in Amsterdam
 * (with the date when that is not today), and that it can be changed until then. Waiting without a time ahead: it goes with the sender's next run.
 */
export function acknowledgementNotice(
  letter: LetterView,
  complainantName: string,
  now: Date,
): AcknowledgementNotice {
  if (letter.status === 'sent')
    return {
      intent: 'success',
      text: `Ontvangstbevestiging verstuurd aan ${complainantName}`,
      action: 'bekijken',
    };
  if (letter.status === 'failed')
    return {
      intent: 'error',
      text: `Ontvangstbevestiging aan ${complainantName} is niet verstuurd`,
      action: 'bekijken',
    };
  if (letter.status === 'cancelled')
    return {
      intent: 'info',
      text: `Ontvangstbevestiging aan ${complainantName} gaat niet uit: de ontvangst is op een andere manier bevestigd`,
      action: 'bekijken',
    };
  if (letter.status === 'queued' && letter.sendsAt && Date.parse(letter.sendsAt) > now.getTime()) {
    // A bare time is read as today's: another day (a long window, a retry) is named with its date.
    const today = amsterdamDate(now) === amsterdamDate(new Date(letter.sendsAt));
    const when = today ? `om ${formatTime(letter.sendsAt)}` : `op ${formatDateTime(letter.sendsAt)}`;
    return {
      intent: 'info',
      text: `Ontvangstbevestiging aan ${complainantName} gaat ${when} de deur uit`,
      action: 'aanpassen',
    };
  }
  return {
    intent: 'success',
    text: `Ontvangstbevestiging aan ${complainantName} staat klaar en gaat binnenkort de deur uit`,
    action: 'bekijken',
  };
}
