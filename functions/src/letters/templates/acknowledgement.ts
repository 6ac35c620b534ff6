import { formatDutchDate as date } from '../../../../domain/src/localDate';
import { about, dutchTerm, thirdPartyText, type LetterTemplate } from '../letterBlocks';

/** Ontvangstbevestiging: right after registering, to the complainant. */
export const acknowledgement: LetterTemplate<'acknowledgement'> = (letter, complaint, settings) => ({
  title: 'Ontvangstbevestiging van uw klacht',
  blocks: [
    {
      type: 'paragraph',
      text: `Op ${date(letter.receivedOn)} hebben wij uw klacht${about(complaint)} ontvangen. Dank u wel dat u de moeite heeft genomen om ons dit te laten weten. Wij hebben uw klacht geregistreerd onder nummer ${letter.complaintNumber}.`,
    },
    {
      type: 'facts',
      rows: [
        ['Klachtnummer', letter.complaintNumber],
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
});
