import { formatDutchDate } from '../../../domain/src/localDate';
import { percent } from './yearlyAnalysis';
import type { WeeklyFigures } from './weeklyFigures';
import type { AdaptiveCard, TeamsMessage } from '../app/ports/teamsNotifier';

/**
 * The weekly summary for the Teams channel: aggregate figures and a link, nothing else (R17: no names,
 * addresses, subjects or text; not even complaint numbers).
 */
export function weeklyCard(f: WeeklyFigures, registerUrl: string, organisation: string): TeamsMessage {
  const n = (v: number): string => String(v);
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      {
        type: 'TextBlock',
        text: `Klachten: weekoverzicht ${f.week}`,
        weight: 'Bolder',
        size: 'Medium',
        wrap: true,
      },
      {
        type: 'TextBlock',
        text: `${organisation} · ${formatDutchDate(f.from)} t/m ${formatDutchDate(f.to)}`,
        isSubtle: true,
        wrap: true,
      },
      {
        type: 'FactSet',
        facts: [
          { title: 'Nieuw deze week', value: n(f.newCount) },
          { title: 'Afgesloten deze week', value: n(f.closed) },
          { title: 'Open', value: n(f.open) },
          { title: 'Over de termijn', value: n(f.overdue) },
          { title: `Ontvangst tijdig bevestigd (${f.year})`, value: percent(f.acknowledgedInTime) },
          { title: `Tijdig afgehandeld (${f.year})`, value: percent(f.resolvedInTime) },
          { title: 'Bij de directeur (open)', value: n(f.escalationsOpen) },
          { title: 'Bij de onafhankelijke derde (open)', value: n(f.thirdPartyOpen) },
          { title: 'Brieven niet verzonden', value: n(f.lettersFailing) },
          { title: 'Geanonimiseerd deze week (R3)', value: n(f.anonymised) },
          { title: 'Nog niet beoordeeld', value: n(f.unreviewed) },
        ],
      },
    ],
    actions: [{ type: 'Action.OpenUrl', title: 'Open het klachtenregister', url: registerUrl }],
  };
  return {
    type: 'message',
    attachments: [
      { contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card },
    ],
  };
}
