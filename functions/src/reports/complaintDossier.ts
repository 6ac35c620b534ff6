import { createHash } from 'node:crypto';
import type { Zippable } from 'fflate';
import { safeFileName, uniqueAttachmentNames } from '../../../domain/src/attachmentNames';
import { toAmsterdamDate } from '../../../domain/src/localDate';
import { STEP_LABELS } from '../../../domain/src/steps';
import type { ComplaintView } from '../../../domain/src/api/complaintView';
import { toView } from '../app/complaintViews';
import { getComplaint } from '../app/findComplaint';
import { auditEntry } from '../app/sideRows';
import type { ConversationRow } from '../app/conversation/appendMessage';
import { originalNameOf } from '../app/conversation/appendMessage';
import type { FileStore } from '../app/ports/fileStore';
import type { EvidenceStore, MailboxStore } from '../app/ports/mailboxPorts';
import { letterSettingsFrom } from '../letters/letterSettings';
import type { LetterQueryDeps } from '../letters/letterQueries';
import { isLetterEntry } from '../app/ports/outboxEntry';
import { renderLetter } from '../letters/renderLetter';
import { escapeHtml } from '../common/escape';
import type { Principal } from '../common/principal';

export interface DossierDeps extends LetterQueryDeps {
  files: FileStore;
  evidence: EvidenceStore;
  mailboxStore: Pick<MailboxStore, 'listMessages'>;
}

/** One file of the dossier as `manifest.json` lists it. */
export interface DossierFile {
  path: string;
  sha256: string;
  size: number;
  /** What the file is, in Dutch, for the reader of the manifest. */
  description: string;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function bytesOf(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

const timelineLabel = (type: string): string =>
  type === 'registered'
    ? 'Geregistreerd'
    : type === 'messageReceived'
      ? 'Bericht van de klager ontvangen'
      : ((STEP_LABELS as Readonly<Record<string, string>>)[type] ?? type);

/** The register record and the timeline as one self-contained HTML document (no scripts, no external links). */
function recordHtml(view: ComplaintView, generatedAt: string, by: string): string {
  const row = (label: string, value: unknown) =>
    `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(
      typeof value === 'string' && value !== '' ? value : '—',
    )}</td></tr>`;
  const deadlines = Object.entries(view.deadlineOutcomes)
    .map(([key, o]) =>
      row(
        key,
        `${String(view.deadlines[key as keyof ComplaintView['deadlines']] ?? '')} — ${o.outcome}${o.doneOn ? ` (${o.doneOn})` : ''}`,
      ),
    )
    .join('');
  const timeline = view.timeline
    .map(
      (t) =>
        `<tr><td>${escapeHtml(t.at)}</td><td>${escapeHtml(timelineLabel(t.type))}</td><td>${escapeHtml(t.by)}</td><td>${escapeHtml(
          t.detail
            ? Object.entries(t.detail)
                .filter(([k]) => k !== 'type')
                .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
                .join('; ')
            : '',
        )}</td></tr>`,
    )
    .join('');
  const r = view.register;
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Dossier ${escapeHtml(view.number)}</title>
<style>body{font-family:sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}th,td{border:1px solid #999;padding:.3rem;text-align:left;vertical-align:top}</style>
</head><body>
<h1>Dossier klacht ${escapeHtml(view.number)}</h1>
<p>Samengesteld op ${escapeHtml(generatedAt)} door ${escapeHtml(by)}. De bestanden en hun SHA-256 staan in manifest.json.</p>
<h2>Registergegevens</h2>
<table>${[
    row('Klachtnummer', view.number),
    row('Status', view.status === 'open' ? 'open' : 'gesloten'),
    row('Ontvangen op', view.receivedOn),
    row('Naam klager', r.naamKlager),
    row('E-mailadres klager', view.complainant.address),
    row('Onderwerp', view.subject),
    row('Omschrijving klacht', r.omschrijving),
    row('Verantwoordelijke', r.verantwoordelijke),
    row('Categorie', view.category),
    row('Behandeltermijn', view.handlingTerm),
    row('Gewenste oplossing', r.gewensteOplossing),
    row('Oplossing', r.oplossing),
    row('Gegrond', r.gegrond),
    row('Overeenstemming met klager', r.overeenstemming),
    row('Te laat ingediend', view.late ? 'ja' : 'nee'),
  ].join('')}</table>
<h2>Termijnen</h2>
<table>${deadlines}</table>
<h2>Verloop</h2>
<table><thead><tr><th scope="col">Datum</th><th scope="col">Stap</th><th scope="col">Door</th><th scope="col">Gegevens</th></tr></thead><tbody>${timeline}</tbody></table>
</body></html>
`;
}

/**
 * `GET /api/complaints/{id}/dossier`: everything an independent third party or an auditor needs about one
 * complaint, as one ZIP: the register record and timeline (`dossier.html`), every letter as sent
 * (`brieven/`), every kept original e-mail (`e-mails/*.eml`, byte for byte), the attachments (`bijlagen/`) and
 * `manifest.json` with each file's SHA-256. Handlers and the director; the request is audited.
 */
export async function complaintDossier(
  deps: DossierDeps,
  principal: Principal,
  id: string,
): Promise<{ number: string; zip: Uint8Array; manifest: DossierFile[] }> {
  // fflate builds its Huffman tables when it is loaded, as costly as loading the Functions runtime: only a
  // dossier needs it, so it is loaded here rather than at every cold start (a file of its own under lazy/).
  const [{ doc }, { strToU8, zipSync }] = await Promise.all([
    getComplaint(deps, principal, id),
    import('fflate'),
  ]);
  const now = deps.clock.now();
  const files: Zippable = {};
  const manifest: DossierFile[] = [];
  const add = (path: string, bytes: Uint8Array, description: string) => {
    files[path] = bytes;
    manifest.push({ path, sha256: sha256(bytes), size: bytes.length, description });
  };

  const view = toView(doc, toAmsterdamDate(now));
  add(
    'dossier.html',
    strToU8(recordHtml(view, now.toISOString(), principal.name)),
    'Registergegevens en verloop',
  );

  const [outbox, messages, registered] = await Promise.all([
    deps.complaints.listOutbox({ complaintId: doc.id }),
    deps.mailboxStore.listMessages(doc.id) as Promise<unknown[]> as Promise<ConversationRow[]>,
    deps.evidence.getOriginal(`${doc.id}/originals/${originalNameOf(doc.message.internetMessageId)}.eml`),
  ]);

  const settings = letterSettingsFrom(deps.config, deps.procedure.settings);
  for (const record of outbox) {
    const entry = record.data;
    if (!isLetterEntry(entry) || entry.status !== 'sent') continue;
    const rendered = renderLetter(entry.letter, doc.state, settings, {
      ...(entry.personalNote ? { personalNote: entry.personalNote } : {}),
    });
    const sentAt = entry.proof?.sentAt ?? '';
    const html = rendered.html.includes('<html')
      ? rendered.html
      : `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(rendered.subject)}</title></head><body>${rendered.html}</body></html>`;
    add(
      `brieven/${String(entry.letter.seq).padStart(2, '0')}-${safeFileName(entry.letter.kind)}.html`,
      strToU8(html),
      `Brief ${entry.letter.seq} (${entry.letter.kind}) aan ${entry.letter.to.address}, verzonden ${sentAt}`,
    );
  }

  if (registered) add('e-mails/01-klacht.eml', registered.bytes, 'De geregistreerde e-mail, zoals ontvangen');
  const originals = await Promise.all(
    messages.map(async (m) => ({
      m,
      original: m.blobName ? await deps.evidence.getOriginal(m.blobName) : undefined,
    })),
  );
  for (const { m, original } of originals)
    if (original)
      add(
        `e-mails/${String(m.seq).padStart(2, '0')}-bericht.eml`,
        original.bytes,
        `Bericht ${m.seq} (${m.source}), ontvangen ${m.at}`,
      );

  const attachments = doc.state.attachments.filter((a) => a.blobName);
  const names = uniqueAttachmentNames(attachments.map((a) => safeFileName(a.name, 'bijlage')));
  const contents = await Promise.all(
    attachments.map(async (a) => {
      const file = a.blobName ? await deps.files.getFile(a.blobName) : undefined;
      return file ? await bytesOf(file.content) : undefined;
    }),
  );
  attachments.forEach((a, i) => {
    const bytes = contents[i];
    if (bytes)
      add(`bijlagen/${names[i] ?? `bijlage-${i + 1}`}`, bytes, `Bijlage "${a.name}" (${a.contentType})`);
  });

  const manifestJson = {
    complaint: { id: doc.id, number: doc.state.number, status: doc.state.status },
    generatedAt: now.toISOString(),
    generatedBy: principal.name,
    algorithm: 'SHA-256',
    files: manifest,
  };
  files['manifest.json'] = strToU8(`${JSON.stringify(manifestJson, null, 2)}\n`);
  await deps.complaints.audit(doc.id, [auditEntry(now, principal, 'dossier', `${manifest.length} files`)]);
  // Stored, not compressed again: letters are small, originals and attachments are mostly compressed already.
  return { number: doc.state.number, zip: zipSync(files, { level: 0, mtime: now }), manifest };
}
