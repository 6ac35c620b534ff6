import type { RegistrationRequest } from '../../../domain/src/api/registration';
import type {
  ComplaintSummary,
  ComplaintView,
  VoidedNumberItem,
} from '../../../domain/src/api/complaintView';
import type { LetterPreview, LetterView } from '../../../domain/src/api/letters';
import type { SimilarCandidate } from '../../../domain/src/api/procedure';
import type { YearlyAnalysisView } from '../../../domain/src/api/reports';
import type { StepInput } from '../../../domain/src/steps';
import type { TokenProvider } from '../auth/tokenProvider';
import { conversationCalls, type ConversationApi } from './conversationApi';
import { deskCalls, type DeskApi } from './deskApi';
import { procedureCalls, type ProcedureApi } from './procedureApi';
import { networkProblem, problemOf } from './problem';

export type { LetterPreview, LetterView };

/** Filters of the register list (`GET /api/complaints?status=…`). */
export interface ComplaintQuery {
  status?: 'open' | 'closed';
  handler?: 'me';
  overdue?: boolean;
  year?: number;
  continuationToken?: string;
}

export interface ComplaintPage {
  items: ComplaintSummary[];
  /** The year's void numbers, beside the complaints (unfiltered listing of one year, first page). */
  voided?: VoidedNumberItem[];
  continuationToken?: string;
}

/** An earlier, decided complaint of the same complainant about a similar subject (`GET …/similar`). */
export type SimilarComplaint = SimilarCandidate;

/** A letter of a complaint as `GET /api/complaints/{id}/letters` lists it. */
export type LetterSummary = LetterView;

/** The yearly analysis as `GET /api/reports/yearly?format=json` answers it. */
export type YearlyReport = YearlyAnalysisView;

/** A file from the register export, ready to be offered as a download. */
export interface ExportFile {
  blob: Blob;
  fileName: string;
}

export interface KlachtenApi extends ConversationApi, DeskApi, ProcedureApi {
  /** The complaint registered from this e-mail, or null when there is none. */
  findByMessage(internetMessageId: string): Promise<ComplaintSummary | null>;
  /** Registers the e-mail; `created` is false when it had been registered already. */
  register(request: RegistrationRequest): Promise<{ complaint: ComplaintSummary; created: boolean }>;
  /** The full complaint with the steps allowed now and its ETag. */
  getComplaint(id: string): Promise<ComplaintView>;
  /** Records a step; `etag` is the version the handler looked at (412 when someone changed it since). */
  recordStep(id: string, etag: string, step: StepInput): Promise<ComplaintView>;
  listComplaints(query: ComplaintQuery): Promise<ComplaintPage>;
  similar(id: string): Promise<SimilarComplaint[]>;
  letters(id: string): Promise<LetterSummary[]>;
  letterPreview(id: string, seq: number): Promise<LetterPreview>;
  /** The handler's personal paragraph, while the letter waits; answers the new preview. */
  saveLetterNote(id: string, seq: number, text: string): Promise<LetterPreview>;
  /** Puts a letter whose sending failed back in the queue. */
  retryLetter(id: string, seq: number): Promise<void>;
  yearlyReport(year: number): Promise<YearlyReport>;
  exportRegister(year: number, format: 'csv' | 'xlsx'): Promise<ExportFile>;
}

/** Typed client of the Functions API; every call carries a fresh token from the provider. */
export function createKlachtenApi(baseUrl: string, tokens: TokenProvider): KlachtenApi {
  async function call(path: string, init: RequestInit = {}, accept = 'application/json'): Promise<Response> {
    const token = await tokens.getToken();
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        ...init,
        headers: {
          ...(init.headers as Record<string, string>),
          authorization: `Bearer ${token}`,
          accept,
        },
      });
    } catch {
      throw networkProblem();
    }
    return response;
  }

  async function getJson<T>(path: string): Promise<T> {
    const response = await call(path);
    if (!response.ok) throw await problemOf(response);
    return (await response.json()) as T;
  }

  const id = (value: string): string => encodeURIComponent(value);

  return {
    ...conversationCalls(call),
    ...deskCalls(call),
    ...procedureCalls(call),
    async findByMessage(internetMessageId) {
      const page = await getJson<ComplaintPage>(
        `/complaints?internetMessageId=${encodeURIComponent(internetMessageId)}`,
      );
      return page.items[0] ?? null;
    },
    async register(request) {
      const response = await call('/complaints', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      });
      if (response.status !== 200 && response.status !== 201) throw await problemOf(response);
      return { complaint: (await response.json()) as ComplaintSummary, created: response.status === 201 };
    },
    async getComplaint(complaintId) {
      const response = await call(`/complaints/${id(complaintId)}`);
      if (!response.ok) throw await problemOf(response);
      const view = (await response.json()) as ComplaintView;
      return { ...view, etag: response.headers.get('etag') ?? view.etag };
    },
    async recordStep(complaintId, etag, step) {
      const response = await call(`/complaints/${id(complaintId)}/steps`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'if-match': etag },
        body: JSON.stringify(step),
      });
      if (!response.ok) throw await problemOf(response);
      const view = (await response.json()) as ComplaintView;
      return { ...view, etag: response.headers.get('etag') ?? view.etag };
    },
    async listComplaints(query) {
      const params = new URLSearchParams();
      if (query.status) params.set('status', query.status);
      if (query.handler) params.set('handler', query.handler);
      if (query.overdue) params.set('overdue', 'true');
      if (query.year) params.set('year', String(query.year));
      if (query.continuationToken) params.set('continuationToken', query.continuationToken);
      return getJson<ComplaintPage>(`/complaints?${params.toString()}`);
    },
    async similar(complaintId) {
      return (await getJson<{ items: SimilarComplaint[] }>(`/complaints/${id(complaintId)}/similar`)).items;
    },
    async letters(complaintId) {
      return (await getJson<{ items: LetterSummary[] }>(`/complaints/${id(complaintId)}/letters`)).items;
    },
    letterPreview(complaintId, seq) {
      return getJson<LetterPreview>(`/complaints/${id(complaintId)}/letters/${seq}/preview`);
    },
    async saveLetterNote(complaintId, seq, text) {
      const response = await call(`/complaints/${id(complaintId)}/letters/${seq}/note`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      });
      if (!response.ok) throw await problemOf(response);
      return (await response.json()) as LetterPreview;
    },
    async retryLetter(complaintId, seq) {
      const response = await call(`/complaints/${id(complaintId)}/letters/${seq}/retry`, { method: 'POST' });
      if (!response.ok) throw await problemOf(response);
    },
    yearlyReport(year) {
      return getJson<YearlyReport>(`/reports/yearly?year=${year}&format=json`);
    },
    async exportRegister(year, format) {
      const response = await call(`/register/export?year=${year}&format=${format}`, {}, '*/*');
      if (!response.ok) throw await problemOf(response);
      const disposition = response.headers.get('content-disposition') ?? '';
      const named = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
      return { blob: await response.blob(), fileName: named ?? `klachtenregister-${year}.${format}` };
    },
  };
}
