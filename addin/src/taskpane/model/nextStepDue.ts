import type { ComplaintView } from '../../../../domain/src/api/complaintView';
import { formatDate } from './dates';

type Due = NonNullable<ComplaintView['nextSteps'][number]['due']>;

/** The deadline of a usual next step, in the handler's words; `today` (Amsterdam) says whether it has passed. */
export function nextStepDue(due: Due, today: string): string {
  const on = formatDate(due.on);
  switch (due.deadline) {
    case 'resolveBy':
      return `Uitkomst aan de klager uiterlijk ${on}`;
    case 'reactionBy':
      return today > due.on
        ? `Geen reactie van de klager binnen de termijn (tot en met ${on}): afsluiten zonder overeenstemming kan`
        : `Reactie van de klager verwacht uiterlijk ${on}; daarna kan de klacht zonder overeenstemming worden afgesloten`;
    case 'escalationResponseBy':
      return `Reactie van de directeur over de werkwijze uiterlijk ${on}`;
  }
}
