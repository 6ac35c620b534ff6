import { registerComplaint } from '../../src/app/registerComplaint';
import { applyComplaintStep } from '../../src/app/applyComplaintStep';
import { revisionTag } from '../../src/app/complaintViews';
import { AppError } from '../../src/common/errors';
import { registrationRequest } from '../../../domain/src/api/registration';
import { handler, memoryServices } from '../support/memoryServices';

const request = (id: string, receivedAt = '2026-04-23T16:40:00+02:00') =>
  registrationRequest.parse({
    message: {
      internetMessageId: `<${id}@voorbeeld.nl>`,
      conversationId: 'conv',
      subject: 'Docent kwam te laat',
      from: { name: 'Ruud Hendriks', address: 'r.hendriks@example.org' },
      receivedAt,
      bodyText: 'Tekst',
      attachments: [
        {
          name: 'bewijs.txt',
          contentType: 'text/plain',
          contentBase64: Buffer.from('bewijs').toString('base64'),
        },
      ],
    },
  });

describe('registerComplaint (use case, in-memory ports)', () => {
  test('numbers per year, computes deadlines across Koningsdag, stores the attachment and queues one acknowledgement', async () => {
    const { services, store, files } = memoryServices(new Date('2026-04-24T08:00:00Z'));
    const { doc, created } = await registerComplaint(services, handler, request('a'));
    expect(created).toBe(true);
    expect(doc.state.number).toBe('K-2026-0001');
    // Thursday 23 April 2026 + 5 working days, skipping Koningsdag (Monday 27 April) → Friday 1 May.
    expect(doc.state.deadlines.acknowledgeBy).toBe('2026-05-01');
    expect(doc.state.handler).toEqual({ name: 'Sanne Bakker', address: 'sanne.bakker@lagant-voorbeeld.nl' });
    expect([...files.files.keys()]).toEqual([`${doc.id}/attachments/0-bewijs.txt`, `${doc.id}/message.json`]);
    const outbox = store.rows.get(doc.id)?.filter((r) => r.kind === 'outbox') ?? [];
    expect(outbox).toHaveLength(1);
    expect((await registerComplaint(services, handler, request('b'))).doc.state.number).toBe('K-2026-0002');
  });

  test('a registration that died after numbering is finished by the retry: same complaint, same number, no gap', async () => {
    const { services, store, clock } = memoryServices(new Date('2026-04-24T08:00:00Z'));
    store.failNext.add('create');
    await expect(registerComplaint(services, handler, request('crash'))).rejects.toThrow('injected');
    expect(store.docs.size).toBe(0);

    clock.at = new Date('2026-04-24T08:01:00Z'); // the abandoned claim is older than 30 s
    const retry = await registerComplaint(services, handler, request('crash'));
    expect(retry.created).toBe(true);
    expect(retry.doc.state.number).toBe('K-2026-0001');
    expect((await registerComplaint(services, handler, request('next'))).doc.state.number).toBe(
      'K-2026-0002',
    );
  });

  test('a refused registration (term of 4 months) takes no number', async () => {
    const { services, store } = memoryServices(new Date('2026-04-24T08:00:00Z'));
    await expect(
      registerComplaint(services, handler, { ...request('term'), handlingTerm: 'P4M' }),
    ).rejects.toMatchObject({
      kind: 'validation',
    });
    expect(store.numbers.size).toBe(0);
    expect(store.claims.size).toBe(0);
  });

  test('the registration year is the year of registration in Amsterdam, not UTC', async () => {
    // 31 December 2026 23:30 UTC is already 1 January 2027 in Amsterdam.
    const { services } = memoryServices(new Date('2026-12-31T23:30:00Z'));
    const { doc } = await registerComplaint(
      services,
      handler,
      request('newyear', '2026-12-31T10:00:00+01:00'),
    );
    expect(doc.state.number).toBe('K-2027-0001');
  });
});

describe('applyComplaintStep (use case, in-memory ports)', () => {
  test('a stale ETag is refused and nothing is written', async () => {
    const { services, store } = memoryServices(new Date('2026-04-24T08:00:00Z'));
    const { doc } = await registerComplaint(services, handler, request('step'));
    const etag = revisionTag(doc);
    const next = await applyComplaintStep(services, handler, doc.id, etag, { type: 'acknowledged' });
    expect(next.doc.state.acknowledgedOn).toBe('2026-04-24');
    const rowsBefore = store.rows.get(doc.id)?.length;
    await expect(
      applyComplaintStep(services, handler, doc.id, etag, { type: 'informationRequested' }),
    ).rejects.toMatchObject({
      kind: 'preconditionFailed',
    });
    await expect(
      applyComplaintStep(services, handler, doc.id, null, { type: 'informationRequested' }),
    ).rejects.toMatchObject({
      kind: 'preconditionRequired',
    });
    expect(store.rows.get(doc.id)?.length).toBe(rowsBefore);
  });

  test('a refusal of the domain becomes a conflict with its Dutch reason', async () => {
    const { services } = memoryServices(new Date('2026-04-24T08:00:00Z'));
    const { doc } = await registerComplaint(services, handler, request('refuse'));
    const etag = revisionTag(doc);
    const error = await applyComplaintStep(services, handler, doc.id, etag, {
      type: 'referredToThirdParty',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ kind: 'conflict' });
    expect((error as AppError).message).toMatch(/akkoord/i);
  });

  test('a Medewerker may not record steps', async () => {
    const { services } = memoryServices(new Date('2026-04-24T08:00:00Z'));
    const { doc } = await registerComplaint(services, handler, request('role'));
    const etag = revisionTag(doc);
    await expect(
      applyComplaintStep(services, { ...handler, roles: ['Medewerker'] }, doc.id, etag, {
        type: 'acknowledged',
      }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
  });
});

describe('the API ETag is the handlers’ revision', () => {
  test('a background write by the letter sender does not invalidate the handler’s screen; a handler’s step does', async () => {
    const { services, store } = memoryServices(new Date('2026-04-24T08:00:00Z'));
    const { doc } = await registerComplaint(services, handler, request('revision'));
    const seen = revisionTag(doc);
    // The letter sender records the acknowledgement as sent: the storage ETag moves, the revision does not.
    const stored = await store.get(doc.id);
    if (!stored) throw new Error('missing');
    await store.update(
      { ...stored.doc, state: { ...stored.doc.state, acknowledgedOn: stored.doc.state.receivedOn } },
      stored.etag,
      [],
    );
    const after = await applyComplaintStep(services, handler, doc.id, seen, { type: 'informationRequested' });
    expect(after.doc.state.acknowledgedOn).toBe('2026-04-23'); // the step was applied on top of the newest state
    expect(revisionTag(after.doc)).not.toBe(seen);
    await expect(
      applyComplaintStep(services, handler, doc.id, seen, { type: 'informationRequested' }),
    ).rejects.toMatchObject({
      kind: 'preconditionFailed',
    });
  });
});
