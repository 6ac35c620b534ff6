import type { Clock } from '../app/ports/clock';
import type { WatchStore } from '../app/ports/watchStore';
import { isLetterEntry, type OutboxData } from '../app/ports/outboxEntry';
import type { RegisterSourceDeps } from './registerSource';
import { validationError } from '../common/errors';
import type { Principal } from '../common/principal';
import { loadEntries } from './registerSource';
import { requireDirector } from './reportAccess';
import { parseEmailAddress } from '../../../domain/src/emailAddress';

export interface SubjectAccessDeps extends RegisterSourceDeps {
  clock: Clock;
  watch: WatchStore;
  config: { organisationName: string };
}

/** An outbox row, minus the delivery bookkeeping that says nothing about the person. */
const letterOf = (data: OutboxData): Record<string, unknown> => ({
  letter: isLetterEntry(data) ? data.letter : undefined,
  status: data.status,
  queuedAt: data.queuedAt,
  ...(data.status === 'sent' && 'proof' in data && data.proof ? { proof: data.proof } : {}),
  ...('personalNote' in data && data.personalNote ? { personalNote: data.personalNote } : {}),
});

/**
 * GDPR art. 15, `GET /api/register/subject-access?address=` (Directeur): everything the register holds about one
 * complainant (by e-mail address) as one JSON file: each complaint with its timeline, its letters and the list
 * of its attachments. The request is audited on the register and on every complaint it touched.
 */
export async function subjectAccess(
  services: SubjectAccessDeps,
  principal: Principal,
  addressText: string | null,
): Promise<{ fileName: string; body: string; count: number }> {
  requireDirector(principal);
  const address = parseEmailAddress(addressText ?? '');
  if (!address)
    throw validationError('Geef het e-mailadres van de klager.', [
      { field: 'address', message: 'Een e-mailadres.' },
    ]);
  const now = services.clock.now();
  const items = await loadEntries(services, await services.index.byComplainant(address, ''));
  const complaints = await Promise.all(
    items
      .flatMap((i) => (i.kind === 'living' ? [i] : []))
      .map(async ({ entry, doc }) => {
        const outbox = await services.complaints.listOutbox({ complaintId: entry.id });
        const { body, attachments, ...state } = doc.state;
        return {
          number: state.number,
          state: { ...state, body },
          originalMessage: doc.message,
          attachments: attachments.map((a) => ({ name: a.name, contentType: a.contentType, size: a.size })),
          letters: outbox.map((o) => letterOf(o.data)),
        };
      }),
  );
  const who = { at: now.toISOString(), actorId: principal.id, actorName: principal.name };
  await services.watch.audit({
    ...who,
    action: 'subject-access',
    detail: `${complaints.length} klacht(en): ${complaints.map((c) => c.number).join(', ') || 'geen'}`,
  });
  await Promise.all(
    items.map((i) => services.complaints.audit(i.entry.id, [{ ...who, action: 'subject-access' }])),
  );
  const document = {
    kind: 'inzageverzoek (AVG art. 15)',
    organisation: services.config.organisationName,
    requestedAt: who.at,
    requestedBy: principal.name,
    address,
    complaints,
  };
  return {
    fileName: `inzageverzoek-${who.at.slice(0, 10)}.json`,
    body: JSON.stringify(document, null, 2),
    count: complaints.length,
  };
}
