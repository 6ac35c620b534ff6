import type { EscalationItem } from '../../../domain/src/api/procedure';
import { toAmsterdamDate } from '../../../domain/src/localDate';
import { parsePending } from '../watch/deadlineNotices';
import type { Clock } from './ports/clock';
import type { ComplaintIndex } from './ports/complaintIndex';
import { allOf } from './indexEntry';
import { AppError } from '../common/errors';
import { can, type Principal } from '../common/principal';

export type { EscalationItem };

export interface DirectorEscalationsDeps {
  clock: Clock;
  index: ComplaintIndex;
}

/**
 * `GET /api/director/escalations`: the open complaints whose reply after escalation is still pending, earliest
 * deadline first. From the index's open partition, never a scan of the register.
 */
export async function directorEscalations(
  services: DirectorEscalationsDeps,
  principal: Principal,
): Promise<EscalationItem[]> {
  if (!can(principal, 'audit')) {
    throw new AppError(
      'forbidden',
      'forbidden',
      'Alleen de directeur ziet de klachten die aan hem zijn voorgelegd.',
    );
  }
  const today = toAmsterdamDate(services.clock.now());
  const open = await allOf(services.index, { status: 'open' });
  return open
    .flatMap((entry): EscalationItem[] => {
      const due = parsePending(entry.pending ?? '').find((p) => p.deadline === 'escalationResponseBy')?.due;
      if (!due) return [];
      return [
        {
          id: entry.id,
          number: entry.number,
          handlerName: entry.handlerName ?? '',
          respondBy: due,
          overdue: due < today,
        },
      ];
    })
    .sort((a, b) => (a.respondBy < b.respondBy ? -1 : a.respondBy > b.respondBy ? 1 : 0));
}
