import type { Letter } from '../../../domain/src/effects';
import type { Party } from '../../../domain/src/complaintState';
import { formatDutchDate } from '../../../domain/src/localDate';
import type { LetterSettings } from './letterSettings';

/**
 * The Dutch text of each letter as structured blocks, without any markup: the renderer turns the same blocks
 * into HTML (escaping every value) and into plain text, so the two renditions can never say different things.
 */
export type LetterBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  /** Free text a handler entered (a reason, a decision, a solution): kept as written, line breaks included. */
  | { type: 'quote'; text: string }
  | { type: 'facts'; rows: readonly (readonly [label: string, value: string])[] };

export interface LetterContent {
  /** Shown as the letter's heading. */
  title: string;
  blocks: LetterBlock[];
}

/** What a letter needs to know about its complaint beyond the {@link Letter} itself. */
export interface LetterComplaint {
  /** The complaint's subject without reply/forward markers. */
  subject: string;
  handler: Party;
}

/** `P6W` → "6 weken": the handling term as the complainant reads it. */
export function dutchTerm(iso: string): string {
  const m = /^P(\d+)([DWM])$/i.exec(iso);
  if (!m) return iso;
  const n = Number(m[1]);
  const unit = (m[2] ?? '').toUpperCase();
  if (unit === 'D') return n === 1 ? '1 dag' : `${n} dagen`;
  if (unit === 'W') return n === 1 ? '1 week' : `${n} weken`;
  return n === 1 ? '1 maand' : `${n} maanden`;
}

const date = formatDutchDate;

function thirdPartyText(settings: LetterSettings['thirdParty']): string {
  const who = settings.person ? `${settings.organisation}, ${settings.person}` : settings.organisation;
  return `${who} (${settings.email})`;
}

const replyHint = (): LetterBlock => ({
  type: 'paragraph',
  text: 'Heeft u vragen over deze brief, antwoord dan op deze e-mail. Vermeld daarbij altijd uw klachtnummer.',
});

/** The blocks of one letter. Every `Letter` kind of the domain has exactly one case here. */
export function letterContent(
  letter: Letter,
  complaint: LetterComplaint,
  settings: LetterSettings,
): LetterContent {
  const about = complaint.subject ? ` over "${complaint.subject}"` : '';
  const number = letter.complaintNumber;
  switch (letter.kind) {
    case 'acknowledgement':
      return {
        title: 'Ontvangstbevestiging van uw klacht',
        blocks: [
          {
            type: 'paragraph',
            text: `Op ${date(letter.receivedOn)} hebben wij uw klacht${about} ontvangen. Dank u wel dat u de moeite heeft genomen om ons dit te laten weten. Wij hebben uw klacht geregistreerd onder nummer ${number}.`,
          },
          {
            type: 'facts',
            rows: [
              ['Klachtnummer', number],
              ['Ontvangen op', date(letter.receivedOn)],
              ['Behandeltermijn', dutchTerm(letter.term)],
              ['Uitsluitsel uiterlijk', date(letter.resolveBy)],
              ['Behandelaar', complaint.handler.name],
            ],
          },
          { type: 'heading', text: 'Wat gebeurt er nu?' },
          {
            type: 'paragraph',
            text: `${complaint.handler.name} behandelt uw klacht. Als dat nodig is, vragen wij u om meer informatie of maken wij een afspraak met u om de kwestie te bespreken. Na intern overleg nemen wij een besluit en stellen wij waar mogelijk een passende oplossing voor. U hoort uiterlijk ${date(letter.resolveBy)} van ons.`,
          },
          {
            type: 'paragraph',
            text: 'Hebben wij meer tijd nodig, dan laten wij u dat binnen twee werkdagen weten, met de reden en de datum waarop u uitsluitsel kunt verwachten.',
          },
          { type: 'heading', text: 'Komen wij er samen niet uit?' },
          {
            type: 'paragraph',
            text: `Dan kunt u uw klacht voorleggen aan een onafhankelijke derde: ${thirdPartyText(settings.thirdParty)}. De uitspraak van de onafhankelijke derde is bindend voor u en voor ons.`,
          },
          { type: 'heading', text: 'Uw gegevens' },
          {
            type: 'paragraph',
            text: `Wij bewaren uw klacht met uw naam, e-mailadres, uw bericht en eventuele bijlagen in ons klachtenregister. Wij gebruiken deze gegevens alleen om uw klacht te behandelen en om herhaling te voorkomen; alleen de behandelaars van klachten en de directie kunnen ze inzien. Wij bewaren uw gegevens tot ${settings.retentionYears} jaar nadat uw klacht is afgehandeld. Daarna verwijderen wij uw persoonsgegevens en houden wij alleen cijfers over die niet naar u te herleiden zijn.`,
          },
        ],
      };
    case 'extension':
      return {
        title: 'Wij hebben meer tijd nodig voor uw klacht',
        blocks: [
          {
            type: 'paragraph',
            text: `Wij hebben meer tijd nodig om uw klacht${about} (nummer ${number}) zorgvuldig te onderzoeken. Wij kunnen u daarom niet binnen de eerder genoemde termijn uitsluitsel geven.`,
          },
          { type: 'heading', text: 'Waarom wij meer tijd nodig hebben' },
          { type: 'quote', text: letter.reason },
          {
            type: 'paragraph',
            text: `Wij verwachten u uiterlijk ${date(letter.expectedBy)} uitsluitsel te kunnen geven.`,
          },
          replyHint(),
        ],
      };
    case 'escalation':
      return {
        title: 'Uw klacht is voorgelegd aan de directeur',
        blocks: [
          {
            type: 'paragraph',
            text: `Wij hebben uw klacht${about} (nummer ${number}) niet zelf kunnen oplossen. Daarom hebben wij uw klacht voorgelegd aan de directeur.`,
          },
          {
            type: 'paragraph',
            text: `U ontvangt uiterlijk ${date(letter.respondBy)} een reactie over de manier waarop uw klacht verder wordt afgehandeld.`,
          },
          replyHint(),
        ],
      };
    case 'inadmissibleLate':
      return {
        title: 'Uw klacht wordt niet in behandeling genomen',
        blocks: [
          {
            type: 'paragraph',
            text: `Volgens onze klachtenprocedure dient u een klacht in binnen twee weken nadat de klacht is ontstaan. Uw klacht${about} (nummer ${number}) is ontstaan op ${date(letter.aroseOn)}; u kon de klacht indienen tot en met ${date(letter.lateWindowEndedOn)}. Wij hebben uw klacht ontvangen op ${date(letter.receivedOn)}, na afloop van die termijn.`,
          },
          { type: 'paragraph', text: 'Wij nemen uw klacht daarom niet in behandeling.' },
          replyHint(),
        ],
      };
    case 'inadmissibleRepeat':
      return {
        title: 'Uw klacht wordt niet opnieuw in behandeling genomen',
        blocks: [
          {
            type: 'paragraph',
            text: `U heeft eerder een klacht over hetzelfde onderwerp ingediend, onder nummer ${letter.relatedComplaint}. Over die klacht hebben wij al een beslissing genomen. Volgens onze klachtenprocedure nemen wij een klacht over een onderwerp waarover al is beslist niet opnieuw in behandeling.`,
          },
          {
            type: 'paragraph',
            text: `Uw nieuwe klacht${about} (nummer ${number}) nemen wij daarom niet in behandeling. Voor onze beslissing verwijzen wij u naar onze reactie op klacht ${letter.relatedComplaint}.`,
          },
          replyHint(),
        ],
      };
    case 'thirdPartyReferral':
      return {
        title: 'Uw klacht ligt bij de onafhankelijke derde',
        blocks: [
          {
            type: 'paragraph',
            text: `U en wij zijn over uw klacht${about} (nummer ${number}) niet tot overeenstemming gekomen. Uw klacht is daarom voorgelegd aan de onafhankelijke derde:`,
          },
          {
            type: 'facts',
            rows: [
              ['Organisatie', letter.thirdParty.organisation],
              ...(letter.thirdParty.person ? [['Contactpersoon', letter.thirdParty.person] as const] : []),
              ['E-mail', letter.thirdParty.email],
            ],
          },
          {
            type: 'paragraph',
            text: 'De uitspraak van de onafhankelijke derde is bindend voor u en voor ons. Zolang de procedure loopt, bewaren wij uw klachtdossier.',
          },
          replyHint(),
        ],
      };
    case 'outcome':
      return {
        title: 'Ons besluit over uw klacht',
        blocks: [
          {
            type: 'paragraph',
            text: `Wij hebben uw klacht${about} (nummer ${number}) onderzocht en na intern overleg een besluit genomen.`,
          },
          ...(letter.decision.trim()
            ? [
                { type: 'heading', text: 'Ons besluit' } as const,
                { type: 'quote', text: letter.decision } as const,
              ]
            : []),
          { type: 'heading', text: 'Onze oplossing' },
          { type: 'quote', text: letter.solution },
          {
            type: 'paragraph',
            text: 'Wilt u ons laten weten of u akkoord gaat met deze oplossing? U kunt daarvoor op deze e-mail antwoorden. Gaat u niet akkoord, dan maken wij een afspraak met u om de kwestie te verduidelijken.',
          },
          {
            type: 'paragraph',
            text: `Komen wij er samen niet uit, dan kunt u uw klacht voorleggen aan een onafhankelijke derde: ${thirdPartyText(settings.thirdParty)}. De uitspraak van de onafhankelijke derde is bindend voor u en voor ons.`,
          },
        ],
      };
  }
}
