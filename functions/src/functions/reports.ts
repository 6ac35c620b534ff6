import type { HttpHandler, HttpResponseInit } from '@azure/functions';
import type { ServicesFactory } from '../composition';
import type { FunctionDefinition } from '../definitions';
import { endpoint, json, readJson, readJsonBody } from '../http/endpoint';
import { exportRegister } from '../reports/exportRegister';
import { subjectAccess } from '../reports/subjectAccess';
import { getWeeklySummary } from '../reports/weeklySummary';
import { getYearlyReport, recommendationsBody, saveRecommendations } from '../reports/yearlyReport';

const download = (fileName: string, contentType: string, body: Buffer | string): HttpResponseInit => ({
  status: 200,
  headers: {
    'content-type': contentType,
    'content-disposition': `attachment; filename="${fileName}"`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  },
  body,
});

/** `GET /api/reports/yearly?year=2026&format=html|xlsx|json`. */
const getYearly = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ request, services: s, principal }) => {
    const q = request.query;
    const r = await getYearlyReport(s, principal, { year: q.get('year'), format: q.get('format') }, s.xlsx);
    if (r.format === 'json') return json(200, r.body);
    if (r.format === 'xlsx' && Buffer.isBuffer(r.body))
      return download(
        `jaaranalyse-klachten-${r.year}.xlsx`,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        r.body,
      );
    return {
      status: 200,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        // A report, not an app: no script, no external loads, not framable.
        'content-security-policy':
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
      body: typeof r.body === 'string' ? r.body : '',
    };
  });

/** `GET /api/reports/weekly`: the summary the last weekly mail carried. */
const getWeekly = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ services: s, principal }) =>
    json(200, await getWeeklySummary({ ...s, mailbox: s.conversation.mailboxStore }, principal)),
  );

/** `PUT /api/reports/yearly/{year}/recommendations`. */
const putRecommendations = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ request, services: s, principal }) => {
    const body = await readJson(request, recommendationsBody);
    return json(200, await saveRecommendations(s, principal, request.params['year'] ?? '', body));
  });

/** `GET /api/register/export?year=2026&format=csv|xlsx`. */
const getExport = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ request, services: s, principal }) => {
    const q = request.query;
    const file = await exportRegister(s, principal, { year: q.get('year'), format: q.get('format') }, s.xlsx);
    return download(file.fileName, file.contentType, file.body);
  });

/**
 * `POST /api/register/subject-access` with `{ "address": … }`: a POST, so that the complainant's address never
 * appears in a URL, and so never in request logs or telemetry (R17).
 */
const postSubjectAccess = (services: ServicesFactory): HttpHandler =>
  endpoint(services, async ({ request, services: s, principal }) => {
    const body = await readJsonBody(request);
    const address = typeof body === 'object' && body !== null && 'address' in body ? body.address : null;
    const file = await subjectAccess(s, principal, typeof address === 'string' ? address : null);
    return download(file.fileName, 'application/json; charset=utf-8', file.body);
  });

/** The director's reports (R16) and the right of access (GDPR art. 15). */
export function reportFunctions(services: ServicesFactory): FunctionDefinition[] {
  return [
    {
      kind: 'http',
      name: 'yearlyReport',
      route: 'reports/yearly',
      methods: ['GET'],
      handler: getYearly(services),
    },
    {
      kind: 'http',
      name: 'weeklyReport',
      route: 'reports/weekly',
      methods: ['GET'],
      handler: getWeekly(services),
    },
    {
      kind: 'http',
      name: 'yearlyRecommendations',
      route: 'reports/yearly/{year}/recommendations',
      methods: ['PUT'],
      handler: putRecommendations(services),
    },
    {
      kind: 'http',
      name: 'registerExport',
      route: 'register/export',
      methods: ['GET'],
      handler: getExport(services),
    },
    {
      kind: 'http',
      name: 'subjectAccess',
      route: 'register/subject-access',
      methods: ['POST'],
      handler: postSubjectAccess(services),
    },
  ];
}
