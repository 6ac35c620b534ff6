import type { RegistrationRequest } from '../../../domain/src/api/registration';
import type { ComplaintSummary } from '../../../domain/src/api/complaintView';
import type { TokenProvider } from '../auth/tokenProvider';
import { networkProblem, problemOf } from './problem';

export interface KlachtenApi {
  /** The complaint registered from this e-mail, or null when there is none. */
  findByMessage(internetMessageId: string): Promise<ComplaintSummary | null>;
  /** Registers the e-mail; `created` is false when it had been registered already. */
  register(request: RegistrationRequest): Promise<{ complaint: ComplaintSummary; created: boolean }>;
}

/** Typed client of the Functions API; every call carries a fresh token from the provider. */
export function createKlachtenApi(baseUrl: string, tokens: TokenProvider): KlachtenApi {
  async function call(path: string, init: RequestInit = {}): Promise<Response> {
    const token = await tokens.getToken();
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        ...init,
        headers: {
          ...(init.headers as Record<string, string>),
          authorization: `Bearer ${token}`,
          accept: 'application/json',
        },
      });
    } catch {
      throw networkProblem();
    }
    return response;
  }

  return {
    async findByMessage(internetMessageId) {
      const response = await call(`/complaints?internetMessageId=${encodeURIComponent(internetMessageId)}`);
      if (!response.ok) throw await problemOf(response);
      const page = (await response.json()) as { items: ComplaintSummary[] };
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
  };
}
