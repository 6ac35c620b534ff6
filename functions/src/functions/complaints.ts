import type { HttpHandler } from '@azure/functions';
import { registrationRequest } from '../../../domain/src/api/registration';
import type { ServicesFactory } from '../composition';
import { validationError } from '../app/errors';
import { findByMessage, getComplaint } from '../app/findComplaint';
import { registerComplaint } from '../app/registerComplaint';
import { toSummary, toView } from '../app/complaintViews';
import { endpoint, json, readJson } from '../http/endpoint';

/** `POST /api/complaints`: 201 with the new complaint, 200 with the existing one for an e-mail registered before. */
export const postComplaint = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ request, services: s, principal }) => {
    const body = await readJson(request, registrationRequest);
    const { doc, etag, created } = await registerComplaint(s, principal, body);
    return json(created ? 201 : 200, toSummary(doc, etag, principal), {
      etag,
      ...(created ? { location: `/api/complaints/${doc.id}` } : {}),
    });
  });

/** `GET /api/complaints?internetMessageId=…`: the complaint of an e-mail, as a (possibly empty) page. */
export const listComplaints = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ request, services: s, principal }) => {
    const messageId = request.query.get('internetMessageId');
    if (messageId === null || messageId.length === 0 || messageId.length > 2000) {
      throw validationError('Geef het internetMessageId van de e-mail op.', [
        { field: 'internetMessageId', message: 'Dit veld is verplicht.' },
      ]);
    }
    const found = await findByMessage(s, principal, messageId);
    return json(200, { items: found ? [toSummary(found.doc, found.etag, principal)] : [] });
  });

/** `GET /api/complaints/{id}`. */
export const getComplaintById = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ request, services: s, principal }) => {
    const { doc, etag } = await getComplaint(s, principal, request.params['id'] ?? '');
    return json(200, toView(doc, etag), { etag });
  });
