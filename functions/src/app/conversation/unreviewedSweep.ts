import { toAmsterdamDate } from '../../../../domain/src/localDate';
import type { ConversationDeps } from './conversationDeps';

/** R4's acknowledgement clock runs from receipt, registered or not: after this many working days the team hears. */
export const unreviewedWarnWorkingDays = 3;

/**
 * Warns the complaints team (the complaints mailbox) once per e-mail that is still unreviewed 3 working days
 * after it arrived. The mail names no sender and no subject (R17): the pane's list shows them.
 */
export async function unreviewedSweep(deps: ConversationDeps): Promise<number> {
  const now = deps.clock.now();
  const today = toAmsterdamDate(now);
  const due = (await deps.mailboxStore.listUnreviewed()).filter(
    (m) =>
      deps.calendar.addWorkingDays(toAmsterdamDate(new Date(m.receivedAt)), unreviewedWarnWorkingDays) <=
      today,
  );
  const fresh = [];
  for (const m of due) if (await deps.watch.claim('unreviewed-warning', m.key, now)) fresh.push(m);
  if (fresh.length === 0) return 0;
  const outcome = await deps.mailer.send({
    letterId: `unreviewed:${today}:${fresh.map((m) => m.key.slice(0, 8)).join('')}`.slice(0, 200),
    to: { name: 'Klachtenteam', address: deps.mailbox },
    subject: `Klachtenregister: ${fresh.length === 1 ? 'een e-mail is' : `${fresh.length} e-mails zijn`} al 3 werkdagen niet beoordeeld`,
    html: `<p>In de klachtenmailbox ${fresh.length === 1 ? 'staat een e-mail' : `staan ${fresh.length} e-mails`} die al 3 werkdagen op beoordeling ${fresh.length === 1 ? 'wacht' : 'wachten'}. Is het een klacht, dan loopt de termijn voor de ontvangstbevestiging al.</p><p><a href="${deps.registerUrl}">Open "Nog niet beoordeeld" in het klachtenregister</a></p>`,
  });
  if (outcome.kind === 'notSent') {
    for (const m of fresh) await deps.watch.release('unreviewed-warning', m.key);
    return 0;
  }
  return fresh.length;
}
