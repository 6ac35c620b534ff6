import type { ComplaintView } from '../../../../domain/src/api/complaintView';
import { formatDate } from './dates';

type Due = NonNullable<ComplaintView['nextSteps'][number]['due']>;

/**
 * The deadline of a usual next step, in the handler's words; `today` (Amsterdam) says whether it has passed, so a
 * date in the past never reads as if there were still time.
 */
export function nextStepDue(due: Due, today: string): string {
  const on = formatDate(due.on);
  switch (due.deadline) {
    case 'resolveBy':
      return today > due.on
        ? `Uitkomst aan de klager uiterlijk ${on}: deze termijn is verstreken`
        : `Uitkomst aan de klager uiterlijk ${on}`;
    case 'reactionBy':
      return today > due.on
        ? `Geen reactie van de klager binnen de termijn (tot en met ${on}): afsluiten zonder overeenstemming kan`
        : `Reactie van de klager verwacht uiterlijk ${on}; daarna kan de klacht zonder overeenstemming worden afgesloten`;
    case 'escalationResponseBy':
      return today > due.on
        ? `Reactie van de directeur over de werkwijze uiterlijk ${on}: deze termijn is verstreken`
        : `Reactie van de directeur over de werkwijze uiterlijk ${on}`;
  }
}
