import { registrationRequest } from '../../../domain/src/api/registration';
import { registerComplaint } from '../../src/app/registerComplaint';
import { retryLetter, setPersonalNote } from '../../src/letters/letterActions';
import { handler, memoryServices } from '../support/memoryServices';

const request = registrationRequest.parse({
  message: {
    internetMessageId: '<actions@voorbeeld.nl>',
    conversationId: 'conv',
    subject: 'Certificaat niet ontvangen',
    from: { name: 'Lotte de Boer', address: 'lotte@example.com' },
    receivedAt: '2026-04-23T10:00:00+02:00',
    bodyText: 'Tekst',
  },
});

async function setup() {
  const m = memoryServices(new Date('2026-04-24T08:00:00Z'));
  const { doc } = await registerComplaint(m.services, handler, request);
  const row = async () => (await m.store.listOutbox({ complaintId: doc.id }))[0];
  return { ...m, doc, row };
}

describe('the handler’s hand on a letter', () => {
  test('a personal paragraph is kept on a waiting letter, and cleared with an empty text; the change is audited', async () => {
    const { services, store, doc, row } = await setup();
    await setPersonalNote(services, handler, doc.id, 1, { text: 'Excuses voor het ongemak.' });
    expect((await row())?.data).toMatchObject({ personalNote: 'Excuses voor het ongemak.' });
    await setPersonalNote(services, handler, doc.id, 1, { text: '  ' });
    expect((await row())?.data).not.toHaveProperty('personalNote');
    expect((await store.listAudit(doc.id)).map((a) => a.action)).toContain('letter-note');
  });

  test('a letter being sent or sent cannot get a paragraph any more; bad input is refused', async () => {
    const { services, store, doc, row } = await setup();
    const r = await row();
    if (!r) throw new Error('no outbox row');
    await store.saveOutbox(
      {
        complaintId: doc.id,
        key: r.key,
        data: { ...r.data, status: 'sending', leaseUntil: '2026-04-24T08:05:00.000Z' },
      },
      r.etag,
    );
    await expect(setPersonalNote(services, handler, doc.id, 1, { text: 'Te laat' })).rejects.toMatchObject({
      kind: 'conflict',
    });
    await expect(setPersonalNote(services, handler, doc.id, 1, { text: 'a\u0000b' })).rejects.toMatchObject({
      kind: 'validation',
    });
    await expect(setPersonalNote(services, handler, doc.id, 9, { text: 'x' })).rejects.toMatchObject({
      kind: 'notFound',
    });
    await expect(
      setPersonalNote(services, { ...handler, roles: ['Medewerker'] }, doc.id, 1, { text: 'x' }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
  });

  test('only a failed letter goes back in the queue, with its attempts reset and its verification kept', async () => {
    const { services, store, doc, row } = await setup();
    await expect(retryLetter(services, handler, doc.id, 1)).rejects.toMatchObject({ kind: 'conflict' });
    const r = await row();
    if (!r) throw new Error('no outbox row');
    await store.saveOutbox(
      {
        complaintId: doc.id,
        key: r.key,
        data: {
          ...r.data,
          status: 'failed',
          attempts: 6,
          mustVerify: true,
          lastError: 'http-403',
          failedAt: 'x',
        },
      },
      r.etag,
    );
    await retryLetter(services, handler, doc.id, 1);
    const after = (await row())?.data;
    expect(after).toMatchObject({ status: 'queued', attempts: 0, mustVerify: true });
    expect(after).not.toHaveProperty('lastError');
    expect((await store.listAudit(doc.id)).map((a) => a.action)).toContain('letter-retry');
  });
});
