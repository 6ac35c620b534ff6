import type { HttpHandler } from '@azure/functions';
import { registrationRequest } from '../../../domain/src/api/registration';
import { toAmsterdamDate } from '../../../domain/src/localDate';
import { checkAdmissibility } from '../app/checkAdmissibility';
import { revisionTag, toView } from '../app/complaintViews';
import { directorEscalations } from '../app/directorEscalations';
import { editDescription } from '../app/editDescription';
import type { ServicesFactory } from '../composition';
import { endpoint, json, readJson, readJsonBody } from '../http/endpoint';

/** `POST /api/complaints/check`: the registration's dry run (late? earlier and similar complaints?). */
export const postCheck = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ request, services: s, principal }) =>
    json(200, await checkAdmissibility(s, principal, await readJson(request, registrationRequest))),
  );

/** `PATCH /api/complaints/{id}` with If-Match: `{ description }`. */
export const patchComplaint = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ request, services: s, principal }) => {
    const { doc } = await editDescription(
      s,
      principal,
      request.params['id'] ?? '',
      request.headers.get('if-match'),
      await readJsonBody(request),
    );
    return json(200, toView(doc, toAmsterdamDate(s.clock.now())), { etag: revisionTag(doc) });
  });

/** `GET /api/director/escalations` (Directeur): "Aan u voorgelegd". */
export const getDirectorEscalations = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ services: s, principal }) =>
    json(200, { items: await directorEscalations(s, principal) }),
  );
