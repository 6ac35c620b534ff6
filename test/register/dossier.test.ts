import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import type { ComplaintView } from '../../domain/src/api/complaintView';
import { startStack, type Stack } from '../../dev/stack';
import { apiClient, registrationOf } from '../support/api';
import { sample, variant } from '../support/samples';

jest.setTimeout(120_000);

let stack: Stack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startStack();
  api = apiClient(stack);
});
afterAll(async () => {
  await stack?.stop();
});

interface Manifest {
  complaint: { id: string; number: string };
  algorithm: string;
  files: { path: string; sha256: string; size: number; description: string }[];
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const mime = (subject: string) =>
  Buffer.from(`Subject: ${subject}\r\nFrom: klager@example.org\r\n\r\nTekst van de e-mail.\r\n`);

async function download(id: string, role: 'Klachtbehandelaar' | 'Directeur' | 'Medewerker' = 'Directeur') {
  const token = await stack.tokens.issue({
    role,
    name: 'Willem de Graaf',
    address: 'w.degraaf@lagant-voorbeeld.nl',
  });
  const res = await fetch(`${stack.urls.api}/complaints/${id}/dossier`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    bytes: new Uint8Array(await res.arrayBuffer()),
  };
}

describe('the dossier', () => {
  test('a ZIP with the record, the letters as sent, the original e-mails and the attachments; the manifest hashes match', async () => {
    const base = variant(sample('01-ordinary'), 'dossier');
    const pdf = Buffer.from('%PDF-1.4 een factuur');
    const registration = registrationOf({
      ...base,
      attachments: [
        { name: '..rapport:1?.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64') },
        { name: 'con', contentType: 'text/plain', contentBase64: Buffer.from('tekst').toString('base64') },
      ],
    });
    const original = mime('Klacht');
    registration.message['mimeBase64'] = original.toString('base64');
    const created = await api.call<{ view: ComplaintView }>('POST', '/complaints', { body: registration });
    expect({ status: created.status, body: created.status === 201 ? 'created' : created.body }).toEqual({
      status: 201,
      body: 'created',
    });
    const view = created.body.view;
    await stack.settleLetters();

    const linkedMime = mime('Aanvulling');
    const linked = await api.call('POST', `/complaints/${view.id}/messages`, {
      body: {
        message: {
          internetMessageId: '<aanvulling-dossier@example.org>',
          conversationId: 'AAQkDossier',
          subject: 'Aanvulling op mijn klacht',
          from: base.from,
          receivedAt: new Date().toISOString(),
          bodyText: 'Nog een foto.',
          mimeBase64: linkedMime.toString('base64'),
        },
      },
    });
    expect(linked.status).toBe(201);

    const res = await download(view.id);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/zip');
    const files = unzipSync(res.bytes);
    const manifest = JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array())) as Manifest;
    expect(manifest.complaint).toMatchObject({ id: view.id, number: view.number });
    expect(manifest.algorithm).toBe('SHA-256');

    // Every file but the manifest is listed, with its own hash and size; nothing listed is missing.
    const inZip = Object.keys(files)
      .filter((p) => p !== 'manifest.json')
      .sort();
    expect(manifest.files.map((f) => f.path).sort()).toEqual(inZip);
    for (const f of manifest.files) {
      const bytes = files[f.path] as Uint8Array;
      expect({ path: f.path, sha256: sha256(bytes), size: bytes.length }).toEqual({
        path: f.path,
        sha256: f.sha256,
        size: f.size,
      });
    }

    // The originals byte for byte, the attachments under safe names, the letter as sent, the record.
    expect(Buffer.from(files['e-mails/01-klacht.eml'] ?? []).equals(original)).toBe(true);
    expect(inZip.filter((p) => p.startsWith('e-mails/'))).toHaveLength(2);
    expect(Buffer.from(files['bijlagen/rapport_1_.pdf'] ?? []).equals(pdf)).toBe(true);
    expect(files['bijlagen/_con']).toBeDefined();
    expect(inZip.every((p) => !p.includes('..') && !p.includes('\\') && !p.startsWith('/'))).toBe(true);
    const letters = inZip.filter((p) => p.startsWith('brieven/'));
    expect(letters.length).toBeGreaterThanOrEqual(1);
    expect(strFromU8(files[letters[0] as string] as Uint8Array)).toContain(view.number);
    const record = strFromU8(files['dossier.html'] as Uint8Array);
    expect(record).toContain(view.number);
    expect(record).toContain(view.complainant.name);
    expect(record).toContain('Geregistreerd');

    // Audited, in the complaint's own trail.
    const audit = await api.call<{ items: { action: string }[] }>('GET', `/complaints/${view.id}/audit`, {
      role: 'Directeur',
    });
    expect(audit.body.items.some((a) => a.action === 'dossier')).toBe(true);
  });

  test('a Medewerker gets no dossier: 403', async () => {
    const created = await api.call<{ id: string }>('POST', '/complaints', {
      body: registrationOf(variant(sample('01-ordinary'), 'dossier-403')),
    });
    const res = await download(created.body.id, 'Medewerker');
    expect(res.status).toBe(403);
  });
});
