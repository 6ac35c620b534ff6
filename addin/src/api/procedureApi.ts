import type { ComplaintView } from '../../../domain/src/api/complaintView';
import type { AdmissibilityCheck, EscalationItem } from '../../../domain/src/api/procedure';
import type { RegistrationRequest } from '../../../domain/src/api/registration';
import { problemOf } from './problem';

export type { AdmissibilityCheck, EscalationItem };

/** The guided procedure's calls: the registration's dry run, the description, the director's list. */
export interface ProcedureApi {
  /** The dry run of a registration: late? earlier (similar) complaints? Stores and sends nothing. */
  checkRegistration(request: RegistrationRequest): Promise<AdmissibilityCheck>;
  /** Corrects "Omschrijving klacht"; `etag` is the version the handler looked at. */
  editDescription(id: string, etag: string, description: string): Promise<ComplaintView>;
  /** "Aan u voorgelegd": escalated complaints whose reply is pending, earliest deadline first. */
  escalations(): Promise<EscalationItem[]>;
}

type Call = (path: string, init?: RequestInit, accept?: string) => Promise<Response>;

/** The procedure's calls, on the client's authenticated `call`. */
export function procedureCalls(call: Call): ProcedureApi {
  return {
    async checkRegistration(request) {
      const response = await call('/complaints/check', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      });
      if (!response.ok) throw await problemOf(response);
      return (await response.json()) as AdmissibilityCheck;
    },
    async editDescription(id, etag, description) {
      const response = await call(`/complaints/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'if-match': etag },
        body: JSON.stringify({ description }),
      });
      if (!response.ok) throw await problemOf(response);
      const view = (await response.json()) as ComplaintView;
      return { ...view, etag: response.headers.get('etag') ?? view.etag };
    },
    async escalations() {
      const response = await call('/director/escalations');
      if (!response.ok) throw await problemOf(response);
      return ((await response.json()) as { items: EscalationItem[] }).items;
    },
  };
}
