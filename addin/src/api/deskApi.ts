import type { ComplaintSummary } from '../../../domain/src/api/complaintView';
import type { OrganisationSettings } from '../../../domain/src/organisationSettings';
import type { WeeklySummaryView, YearlyAnalysisView, YearlyNotesView } from '../../../domain/src/api/reports';
import { problemOf } from './problem';

/** `GET /api/reports/weekly`: the summary the Monday mail carried, with the mail's own lines. */
export type WeeklySummary = WeeklySummaryView;

/** A file from the API, ready to be saved or opened. */
export interface DeskFile {
  blob: Blob;
  fileName: string;
}

/** The yearly analysis (`format=json`); the director's key figures show a part of it. */
export type YearlyFigures = YearlyAnalysisView;

/** The director's recommendations as saved with the yearly report. */
export type YearlyNotes = YearlyNotesView;

import type { SavedSettingsView, SettingsView } from '../../../domain/src/api/settings';
export type { SavedSettingsView, SettingsView };

/** The register's search (`GET /api/complaints?q=…&sort=urgency`). */
export interface RegisterSearch {
  q?: string;
  status?: 'open' | 'closed';
  handler?: 'me';
  overdue?: boolean;
  sort?: 'urgency';
  continuationToken?: string;
}

export interface DeskApi {
  weeklySummary(): Promise<WeeklySummary>;
  yearlyFigures(year: number): Promise<YearlyFigures>;
  /** The yearly report as a file: HTML with its charts, or the data as XLSX. */
  yearlyReportFile(year: number, format: 'html' | 'xlsx'): Promise<DeskFile>;
  saveRecommendations(
    year: number,
    recommendations: string,
    measuresCarriedOut: string[],
  ): Promise<YearlyNotes>;
  settings(): Promise<SettingsView>;
  /** Saves on the version `etag` (412 when someone saved in between). */
  saveSettings(etag: string, settings: OrganisationSettings): Promise<SavedSettingsView>;
  searchComplaints(
    search: RegisterSearch,
  ): Promise<{ items: ComplaintSummary[]; continuationToken?: string }>;
  /** The complaint's dossier (ZIP) for the independent third party or an auditor. */
  dossier(complaintId: string): Promise<DeskFile>;
}

type Call = (path: string, init?: RequestInit, accept?: string) => Promise<Response>;

const fileNameOf = (response: Response, fallback: string): string =>
  /filename="?([^";]+)"?/i.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallback;

/** The director's desk and the register search, on the client's authenticated `call`. */
export function deskCalls(call: Call): DeskApi {
  async function getJson<T>(path: string): Promise<T> {
    const response = await call(path);
    if (!response.ok) throw await problemOf(response);
    return (await response.json()) as T;
  }
  async function getFile(path: string, accept: string, fallback: string): Promise<DeskFile> {
    const response = await call(path, {}, accept);
    if (!response.ok) throw await problemOf(response);
    return { blob: await response.blob(), fileName: fileNameOf(response, fallback) };
  }
  async function sendJson<T>(method: string, path: string, body: unknown, headers = {}): Promise<T> {
    const response = await call(path, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw await problemOf(response);
    return (await response.json()) as T;
  }
  return {
    weeklySummary: () => getJson<WeeklySummary>('/reports/weekly'),
    yearlyFigures: (year) => getJson<YearlyFigures>(`/reports/yearly?year=${year}&format=json`),
    yearlyReportFile: (year, format) =>
      format === 'html'
        ? getFile(
            `/reports/yearly?year=${year}&format=html`,
            'text/html',
            `jaaranalyse-klachten-${year}.html`,
          )
        : getFile(`/reports/yearly?year=${year}&format=xlsx`, '*/*', `jaaranalyse-klachten-${year}.xlsx`),
    saveRecommendations: (year, recommendations, measuresCarriedOut) =>
      sendJson<YearlyNotes>('PUT', `/reports/yearly/${year}/recommendations`, {
        recommendations,
        measuresCarriedOut,
      }),
    settings: async () => {
      const response = await call('/settings');
      if (!response.ok) throw await problemOf(response);
      const view = (await response.json()) as SettingsView;
      return { ...view, etag: response.headers.get('etag') ?? view.etag };
    },
    saveSettings: (etag, settings) =>
      sendJson<SavedSettingsView>('PUT', '/settings', settings, { 'if-match': etag }),
    searchComplaints: (search) => {
      const params = new URLSearchParams();
      const q = search.q?.trim();
      if (q) params.set('q', q);
      if (search.status) params.set('status', search.status);
      if (search.handler) params.set('handler', search.handler);
      if (search.overdue) params.set('overdue', 'true');
      if (search.sort) params.set('sort', search.sort);
      if (search.continuationToken) params.set('continuationToken', search.continuationToken);
      return getJson(`/complaints?${params.toString()}`);
    },
    dossier: (complaintId) =>
      getFile(`/complaints/${encodeURIComponent(complaintId)}/dossier`, 'application/zip', 'dossier.zip'),
  };
}
