/** An error answer of the API (RFC 9457 problem+json), with the Dutch title meant for the handler. */
export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly errors: readonly { field: string; message: string }[] = [],
  ) {
    super(title);
  }
}

/** Turns a failed response into an ApiProblem, also when the body is not problem+json (a proxy, an outage). */
export async function problemOf(response: Response): Promise<ApiProblem> {
  try {
    const body = (await response.json()) as {
      type?: string;
      title?: string;
      errors?: { field: string; message: string }[];
    };
    if (typeof body.title === 'string') {
      return new ApiProblem(response.status, body.type ?? 'about:blank', body.title, body.errors ?? []);
    }
  } catch {
    // not JSON: fall through to a generic message
  }
  // A gateway's own page (502/503/504, no problem+json): the register is away for a moment, not broken.
  if (response.status === 502 || response.status === 503 || response.status === 504)
    return new ApiProblem(
      response.status,
      'urn:klachtenregister:problem:unavailable',
      'Het klachtenregister is op dit moment niet bereikbaar. Probeer het zo opnieuw; uw invoer blijft bewaard.',
    );
  return new ApiProblem(
    response.status,
    'about:blank',
    `Het klachtenregister antwoordde onverwacht (${response.status}). Probeer het opnieuw.`,
  );
}

export const networkProblem = (): ApiProblem =>
  new ApiProblem(
    0,
    'urn:klachtenregister:problem:network',
    'Het klachtenregister is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
  );

/**
 * The pane's one error normaliser: an ApiProblem stays as it is; anything else (a bug, Outlook failing)
 * becomes a Dutch problem with the given message, without the error's own text (it may carry content).
 * With `notFound`, a 404 gets that wording instead of the server's: the place knows what is not there (yet).
 */
export function toApiProblem(
  error: unknown,
  fallback = 'Er ging iets mis. Probeer het opnieuw.',
  notFound?: string,
): ApiProblem {
  if (!(error instanceof ApiProblem)) return new ApiProblem(0, 'about:blank', fallback);
  if (notFound !== undefined && error.status === 404) return new ApiProblem(404, error.type, notFound);
  return error;
}
