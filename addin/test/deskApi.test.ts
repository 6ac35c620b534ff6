import { createKlachtenApi } from '../src/api/klachtenApi';
import { ApiProblem } from '../src/api/problem';

type Sent = { url: string; init: RequestInit };

/** The parts of a fetch Response the client reads (jsdom has no Response). */
function answer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => lower[name.toLowerCase()] ?? null },
    json: () => Promise.resolve(body),
    blob: () => Promise.resolve(new Blob([typeof body === 'string' ? body : JSON.stringify(body)])),
  } as unknown as Response;
}

const json = (body: unknown, headers: Record<string, string> = {}): Response => answer(200, body, headers);

/** Records every request and answers with `reply`. */
function recordFetch(reply: (url: string, init: RequestInit) => Response): Sent[] {
  const calls: Sent[] = [];
  global.fetch = jest.fn((url: RequestInfo | URL, init: RequestInit = {}) => {
    const text = typeof url === 'string' ? url : url instanceof URL ? url.href : url.url;
    calls.push({ url: text, init });
    return Promise.resolve(reply(text, init));
  });
  return calls;
}

const tokens = { getToken: () => Promise.resolve('t0ken') };
const header = (s: Sent | undefined, name: string): string | undefined =>
  (s?.init.headers as Record<string, string> | undefined)?.[name];

describe('the desk calls', () => {
  test('the register search sends q and sort, and nothing empty', async () => {
    const calls = recordFetch(() => json({ items: [] }));
    const api = createKlachtenApi('https://api.example/api', tokens);
    await api.searchComplaints({ q: '  Müller ', sort: 'urgency', status: 'open' });
    await api.searchComplaints({ q: '   ', status: 'open', handler: 'me', sort: 'urgency' });
    expect(calls.map((c) => c.url)).toEqual([
      'https://api.example/api/complaints?q=M%C3%BCller&status=open&sort=urgency',
      'https://api.example/api/complaints?status=open&handler=me&sort=urgency',
    ]);
    expect(header(calls[0], 'authorization')).toBe('Bearer t0ken');
  });

  test('settings: the ETag header is the version; a save carries If-Match; a 412 is a problem with its status', async () => {
    const calls = recordFetch((_url, init) =>
      init.method === 'PUT'
        ? answer(412, { title: 'Iemand anders heeft de instellingen intussen gewijzigd.' })
        : json({ version: 2, etag: 'old', settings: {} }, { etag: '"settings-2"' }),
    );
    const api = createKlachtenApi('/api', tokens);
    const view = await api.settings();
    expect(view.etag).toBe('"settings-2"');
    const refused = await api.saveSettings(view.etag, view.settings).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiProblem);
    expect((refused as ApiProblem).status).toBe(412);
    expect(calls[1]?.url).toBe('/api/settings');
    expect(header(calls[1], 'if-match')).toBe('"settings-2"');
  });

  test('files keep the server’s name: the dossier, the yearly report', async () => {
    const calls = recordFetch(() =>
      answer(200, 'PK', { 'content-disposition': 'attachment; filename="dossier-K-2026-0012.zip"' }),
    );
    const api = createKlachtenApi('/api', tokens);
    await expect(api.dossier('a/b')).resolves.toMatchObject({ fileName: 'dossier-K-2026-0012.zip' });
    expect(calls[0]?.url).toBe('/api/complaints/a%2Fb/dossier');
    expect(header(calls[0], 'accept')).toBe('application/zip');
    await api.yearlyReportFile(2026, 'html');
    expect(calls[1]?.url).toBe('/api/reports/yearly?year=2026&format=html');
  });
});
