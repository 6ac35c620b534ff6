import { formatDutchDate, type LocalDate } from '../../../domain/src/localDate';
import { escapeHtml } from '../common/escape';
import { mailDocument } from '../reports/mailDocument';
import { DEADLINE_LABELS, type ProceduralDeadline } from './deadlineNotices';

/**
 * Mails to staff (the handler, the director). They name a complaint by its number only: no complainant, no
 * subject, no text, because mail to staff is forwarded, read on phones and kept in other mailboxes; the task
 * pane shows the rest to whoever may see it (R17).
 */
export type NoticeLine =
  | { kind: 'reminder' | 'overdue'; number: string; deadline: ProceduralDeadline; due: LocalDate }
  | { kind: 'letterFailed'; number: string; letterKind: string }
  /** R10: a complaint was submitted to the director, who must see that the complainant hears back in time. */
  | { kind: 'escalated'; number: string; due: LocalDate }
  /**
   * R4: an e-mail in the complaints mailbox that nobody registered, linked or dismissed after 3 working days.
   * Named by its day of receipt only: the pane's "Nog niet beoordeeld" shows sender and subject to handlers.
   */
  | { kind: 'unreviewed'; receivedOn: LocalDate };

export interface StaffMail {
  subject: string;
  html: string;
}

const LETTER_LABELS: Readonly<Record<string, string>> = {
  acknowledgement: 'ontvangstbevestiging',
  extension: 'verlengingsbericht',
  escalation: 'bericht over voorleggen aan de directeur',
  inadmissibleLate: 'niet-ontvankelijkheid (te laat)',
  inadmissibleRepeat: 'niet-ontvankelijkheid (herhaalde klacht)',
  thirdPartyReferral: 'verwijzing naar de onafhankelijke derde',
  outcome: 'uitkomst',
  closing: 'afsluitbrief',
  bindingRuling: 'bindende uitspraak',
  escalationReply: 'reactie over de werkwijze',
  causesAndMeasures: 'oorzaken en maatregelen',
  informationRequest: 'verzoek om informatie',
  meetingInvitation: 'uitnodiging voor een afspraak',
  clarificationMeeting: 'uitnodiging voor een verduidelijkingsgesprek',
};

function lineText(line: NoticeLine): string {
  if (line.kind === 'unreviewed')
    return `Een e-mail van ${formatDutchDate(line.receivedOn)} in de klachtenmailbox is na 3 werkdagen nog niet beoordeeld. Is het een klacht, dan loopt de termijn voor de ontvangstbevestiging al; beoordeel de e-mail onder "Nog niet beoordeeld".`;
  if (line.kind === 'letterFailed')
    return `${line.number}: de brief "${LETTER_LABELS[line.letterKind] ?? 'brief'}" kon niet worden verzonden. Verstuur hem opnieuw of handmatig.`;
  if (line.kind === 'escalated')
    return `${line.number}: aan u voorgelegd; de klager krijgt uiterlijk ${formatDutchDate(line.due)} bericht over de verdere werkwijze.`;
  const what = DEADLINE_LABELS[line.deadline];
  return line.kind === 'reminder'
    ? `${line.number}: ${what}, uiterlijk ${formatDutchDate(line.due)}.`
    : `${line.number}: ${what} was uiterlijk ${formatDutchDate(line.due)} en is verstreken.`;
}

/** One mail per recipient per sweep with every line that is new for them. */
export function noticeMail(
  lines: readonly NoticeLine[],
  audience: 'handler' | 'director',
  recipientName: string,
  registerUrl: string,
  organisation: string,
): StaffMail {
  const overdue = lines.filter((l) => l.kind === 'overdue').length;
  const failed = lines.filter((l) => l.kind === 'letterFailed').length;
  const escalated = lines.filter((l) => l.kind === 'escalated').length;
  const unreviewed = lines.filter((l) => l.kind === 'unreviewed').length;
  const subject =
    audience === 'director' && overdue === 0 && escalated > 0
      ? `Klachtenregister: ${escalated === 1 ? 'een klacht is' : `${escalated} klachten zijn`} aan u voorgelegd`
      : audience === 'director'
        ? `Klachtenregister: ${overdue === 1 ? 'een termijn is' : `${overdue} termijnen zijn`} verstreken`
        : overdue > 0
          ? `Klachtenregister: termijn verstreken (${overdue})`
          : failed > 0
            ? 'Klachtenregister: brief niet verzonden'
            : unreviewed === lines.length
              ? `Klachtenregister: ${unreviewed === 1 ? 'een e-mail is' : `${unreviewed} e-mails zijn`} nog niet beoordeeld`
              : `Klachtenregister: ${lines.length - unreviewed === 1 ? 'een termijn nadert' : `${lines.length - unreviewed} termijnen naderen`}`;
  const intro =
    audience === 'director' && overdue === 0
      ? 'De volgende klachten zijn aan u voorgelegd:'
      : audience === 'director'
        ? 'Bij de volgende klachten is een termijn uit de klachtenprocedure verstreken of ligt een klacht bij u. De behandelaar heeft bij verstreken termijnen ook bericht gekregen.'
        : unreviewed === lines.length
          ? 'In de klachtenmailbox wacht het volgende op beoordeling:'
          : 'Bij klachten waarvoor u verantwoordelijk bent vraagt het volgende uw aandacht:';
  const items = lines.map((l) => `<li>${escapeHtml(lineText(l))}</li>`).join('');
  const html = mailDocument(
    subject,
    `<p>Beste ${escapeHtml(recipientName)},</p><p>${escapeHtml(intro)}</p><ul>${items}</ul>` +
      `<p><a href="${escapeHtml(registerUrl)}">Open het klachtenregister</a></p>` +
      `<p style="color:#666">Automatisch bericht van het klachtenregister van ${escapeHtml(organisation)}.</p>`,
  );
  return { subject, html };
}
