import { Readable } from 'node:stream';
import type { HttpHandler, HttpRequest, HttpResponseInit } from '@azure/functions';
import { registrationRequest } from '../../../domain/src/api/registration';
import { defaultLetterDelivery, type Services, type ServicesFactory } from '../composition';
import { toAmsterdamDate, type LocalDate } from '../../../domain/src/localDate';
import { applyComplaintStep } from '../app/applyComplaintStep';
import { getAttachment, getAuditTrail } from '../app/complaintFiles';
import type { ComplaintDocument } from '../app/complaintDocument';
import { revisionTag, toRegisterRow, toSummary, toView } from '../app/complaintViews';
import { validationError } from '../common/errors';
import { findByMessage, getComplaint } from '../app/findComplaint';
import { listComplaints, voidedItem } from '../app/listComplaints';
import { candidateComplaints } from '../app/conversation/conversationQueries';
import { registerComplaint } from '../app/registerComplaint';
import { similarComplaints } from '../app/similarComplaints';
import { complaintDossier } from '../reports/complaintDossier';
import { endpoint, json, readJson, readJsonBody } from '../http/endpoint';
import { createInFlight, deliverSoon, graphRequestsPerMailbox, leftUnchanged } from '../letters/deliverSoon';
import type { KnownComplaint } from '../letters/deliverLetters';

const param = (request: HttpRequest, name: string): string => request.params[name] ?? '';

/** Today in Amsterdam, from the one clock. */
const today = (s: Services): LocalDate => toAmsterdamDate(s.clock.now());

/**
 * Tries the complaint's letters and notices now (within the delivery budget) and answers with the complaint as
 * it is afterwards, so its deadlines already show a letter that went out. The letter sender never changes the
 * revision, so the ETag stays valid.
 */
async function afterDelivery(
  s: Services,
  doc: ComplaintDocument,
  known?: KnownComplaint,
): Promise<ComplaintDocument> {
  const report = await deliverSoon(defaultLetterDelivery(s), doc.id, undefined, known);
  // Nothing was due (e.g. letters wait for the review window): the copy in hand is the stored one.
  if (leftUnchanged(report)) return doc;
  const fresh = await s.complaints.get(doc.id).catch(() => undefined);
  return fresh?.doc ?? doc;
}

/** The registrations this instance is working on right now. */
const registrations = createInFlight();

/** `POST /api/complaints`: 201 with the new complaint, 200 with the existing one for an e-mail registered before. */
export const postComplaint = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ request, services: s, principal }) => {
    const leave = registrations.enter();
    try {
      const body = await readJson(request, registrationRequest);
      const registered = await registerComplaint(s, principal, body);
      const created = registered.created;
      // No work after the answer: a Functions host may freeze the worker once the response is out. So the first
      // letter is tried here within a small budget (the answer then shows it sent); whatever the budget leaves,
      // and any Graph fault, stays in the outbox for the deliverLetters timer, so a slow or absent Graph never
      // fails a registration that is already safely stored.
      // In a burst (more registrations in progress here than Graph serves at once for the mailbox) the attempt
      // is left to that timer straight away: the acknowledgements could only go out a few at a time, so every
      // registration would wait for Graph and do the letter's bookkeeping while the others queue behind it,
      // and the burst as a whole would take longer than the same registrations one by one. The timer runs every
      // minute, well within the acknowledgement's deadline of days.
      const tryNow = created && registrations.count <= graphRequestsPerMailbox;
      const doc = tryNow ? await afterDelivery(s, registered.doc, registered.known) : registered.doc;
      return json(created ? 201 : 200, toSummary(doc, principal, today(s)), {
        etag: revisionTag(doc),
        ...(created ? { location: `/api/complaints/${doc.id}` } : {}),
      });
    } finally {
      leave();
    }
  });

/**
 * `GET /api/complaints?internetMessageId=…` (what the task pane asks first: any role) or the register's
 * pages `?status=&handler=me&overdue=true&year=&continuationToken=`, the search `?q=` and the urgency order
 * `?sort=urgency` (handlers and the director).
 */
export const listComplaintsHandler = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ request, services: s, principal }) => {
    const messageId = request.query.get('internetMessageId');
    if (messageId !== null) {
      if (messageId.length === 0 || messageId.length > 2000) {
        throw validationError('Geef het internetMessageId van de e-mail op.', [
          { field: 'internetMessageId', message: 'Dit veld is verplicht.' },
        ]);
      }
      const found = await findByMessage(s, principal, messageId);
      if (found) return json(200, { items: [toSummary(found.doc, principal, today(s))] });
      // Not registered itself: the complaints it probably belongs to, so the pane can offer to link it.
      const q = request.query;
      const candidates = await candidateComplaints(s.conversation, principal, {
        internetMessageId: messageId,
        conversationId: (q.get('conversationId') ?? '').slice(0, 2000),
        subject: (q.get('subject') ?? '').slice(0, 1000),
        fromAddress: (q.get('from') ?? '').slice(0, 320),
        ...(q.get('inReplyTo') ? { inReplyTo: (q.get('inReplyTo') ?? '').slice(0, 2000) } : {}),
      });
      return json(200, { items: [], candidates });
    }
    const q = request.query;
    const page = await listComplaints(s, principal, {
      status: q.get('status'),
      handler: q.get('handler'),
      overdue: q.get('overdue'),
      year: q.get('year'),
      pageSize: q.get('pageSize'),
      continuationToken: q.get('continuationToken'),
      q: q.get('q'),
      sort: q.get('sort'),
    });
    return json(200, {
      items: page.items.map((i) => toRegisterRow(i.entry, i.doc, principal, today(s))),
      ...(page.voided ? { voided: page.voided.map(voidedItem) } : {}),
      ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
    });
  });

/** `GET /api/complaints/{id}`. */
export const getComplaintById = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ request, services: s, principal }) => {
    const { doc } = await getComplaint(s, principal, param(request, 'id'));
    return json(200, toView(doc, today(s)), { etag: revisionTag(doc) });
  });

/** `POST /api/complaints/{id}/steps` with If-Match. */
export const postStep = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ request, services: s, principal }) => {
    const body = await readJsonBody(request);
    const applied = await applyComplaintStep(
      s,
      principal,
      param(request, 'id'),
      request.headers.get('if-match'),
      body,
    );
    const doc = await afterDelivery(s, applied.doc);
    return json(200, toView(doc, today(s)), { etag: revisionTag(doc) });
  });

/** `GET /api/complaints/{id}/similar`: repeat-complaint candidates (R12). */
export const getSimilar = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ request, services: s, principal }) =>
    json(200, { items: await similarComplaints(s, principal, param(request, 'id')) }),
  );

/** `GET /api/complaints/{id}/attachments/{name}`: the stored original, as a download. */
export const getAttachmentHandler = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ request, services: s, principal }) => {
    const file = await getAttachment(s, principal, param(request, 'id'), param(request, 'name'));
    const ascii = file.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
    return {
      status: 200,
      headers: {
        'content-type': file.contentType,
        'content-length': String(file.size),
        'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
      // Streamed from Blob Storage, not buffered in the function.
      body: Readable.toWeb(Readable.from(file.content)) as unknown as HttpResponseInit['body'],
    };
  });

/** `GET /api/complaints/{id}/audit` (Directeur). */
export const getAudit = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ request, services: s, principal }) =>
    json(200, { items: await getAuditTrail(s, principal, param(request, 'id')) }),
  );

/** `GET /api/complaints/{id}/dossier`: the complaint's dossier as one ZIP (handlers and the director; audited). */
export const getDossier = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ request, services: s, principal }) => {
    const dossier = await complaintDossier(
      { ...s, evidence: s.conversation.evidence, mailboxStore: s.conversation.mailboxStore },
      principal,
      param(request, 'id'),
    );
    return {
      status: 200,
      headers: {
        'content-type': 'application/zip',
        'content-length': String(dossier.zip.length),
        'content-disposition': `attachment; filename="dossier-${dossier.number}.zip"`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
      body: dossier.zip,
    };
  });
