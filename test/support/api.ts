import type { Stack } from '../../dev/stack';

export type Role = 'Medewerker' | 'Klachtbehandelaar' | 'Directeur';

export const people: Record<Role, { role: Role; name: string; address: string }> = {
  Medewerker: { role: 'Medewerker', name: 'Pieter Jansen', address: 'p.jansen@lagant-voorbeeld.nl' },
  Klachtbehandelaar: {
    role: 'Klachtbehandelaar',
    name: 'Sanne Bakker',
    address: 'sanne.bakker@lagant-voorbeeld.nl',
  },
  Directeur: { role: 'Directeur', name: 'Willem de Graaf', address: 'w.degraaf@lagant-voorbeeld.nl' },
};

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A small HTTP client for the API of a test stack, signed in as someone. */
export function apiClient(stack: Stack) {
  async function call<T = unknown>(
    method: string,
    path: string,
    options: {
      role?: Role;
      token?: string | null;
      body?: unknown;
      rawBody?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<ApiResponse<T>> {
    const token =
      options.token === undefined
        ? await stack.tokens.issue(people[options.role ?? 'Klachtbehandelaar'])
        : options.token;
    const headers: Record<string, string> = { ...options.headers };
    if (token) headers['authorization'] = `Bearer ${token}`;
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${stack.urls.api}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON; keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }
  return { call };
}

/** A registration request for one of the project's sample e-mails. */
export function registrationOf(sample: {
  internetMessageId: string;
  conversationId: string;
  subject: string;
  from: { name: string; address: string };
  receivedAt: string;
  bodyText: string;
  attachments: { name: string; contentType: string; contentBase64: string }[];
}): { message: Record<string, unknown> } {
  return {
    message: {
      internetMessageId: sample.internetMessageId,
      conversationId: sample.conversationId,
      subject: sample.subject,
      from: sample.from,
      receivedAt: sample.receivedAt,
      bodyText: sample.bodyText,
      attachments: sample.attachments,
    },
  };
}
