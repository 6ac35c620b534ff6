import './jsdomSetup';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import ComplaintPanel from '../src/taskpane/complaint/ComplaintPanel';
import { createKlachtenApi } from '../src/api/klachtenApi';
import { complaintView } from './fakes';

/** Just what the client reads of an answer; jsdom has no fetch of its own. */
interface Answer {
  status: number;
  body: unknown;
  etag?: string;
}
const answer = ({ status, body, etag }: Answer): Response =>
  ({
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => (name.toLowerCase() === 'etag' ? (etag ?? null) : null) },
    json: () =>
      typeof body === 'string' ? Promise.reject(new SyntaxError('not JSON')) : Promise.resolve(body),
  }) as unknown as Response;

/** The problem+json the Functions app answers when storage is away (503 with Retry-After). */
const storageAway: Answer = {
  status: 503,
  body: {
    type: 'urn:klachtenregister:problem:unavailable',
    title:
      'Het klachtenregister kan de opslag op dit moment niet bereiken. Probeer het zo opnieuw; uw invoer blijft bewaard.',
    status: 503,
  },
};
/** A gateway in front of the app that answers with its own HTML page. */
const gatewayPage: Answer = { status: 503, body: '<html><body>Service Unavailable</body></html>' };

const fetchMock = jest.fn<Promise<Response>, [string, RequestInit]>();
beforeEach(() => {
  fetchMock.mockReset();
  (globalThis as { fetch: unknown }).fetch = fetchMock;
});

function renderPanel() {
  const api = createKlachtenApi('https://klachten.example/api', { getToken: () => Promise.resolve('t') });
  render(
    <FluentProvider theme={webLightTheme}>
      <ComplaintPanel
        api={api}
        complaintId="c1"
        initial={complaintView()}
        today="2026-05-25"
        onOpenComplaint={jest.fn()}
      />
    </FluentProvider>,
  );
}

const decision = 'De factuur wordt gecrediteerd.\nExcuses voor het ongemak.';
const stepPosts = () =>
  fetchMock.mock.calls.filter(([url, init]) => url.endsWith('/steps') && init.method === 'POST');

describe('storage away (503)', () => {
  test.each([
    ['the app says so (problem+json)', storageAway, /opslag op dit moment niet bereiken/],
    ["a gateway's own page", gatewayPage, /op dit moment niet bereikbaar/],
  ])(
    '%s: the pane says in Dutch to try again shortly and keeps the typed step',
    async (_name, away, title) => {
      // Everything else the panel loads answers; the step answers 503 once, then is recorded.
      const after = complaintView({ etag: 'W/"2"' });
      let stepAnswers = [away, { status: 200, body: after, etag: 'W/"2"' }];
      fetchMock.mockImplementation((url, init) => {
        if (url.endsWith('/steps') && init.method === 'POST') {
          const [next, ...rest] = stepAnswers;
          stepAnswers = rest;
          return Promise.resolve(answer(next ?? away));
        }
        return Promise.resolve(answer({ status: 200, body: { items: [] } }));
      });
      renderPanel();
      fireEvent.change(screen.getByRole('combobox', { name: 'Stap' }), {
        target: { value: 'decisionTaken' },
      });
      fireEvent.change(screen.getByLabelText(/^Besluit/), { target: { value: decision } });
      fireEvent.click(screen.getByRole('button', { name: 'Vastleggen' }));

      expect(await screen.findByText(title)).toBeTruthy();
      expect(screen.getByText(/Probeer het zo opnieuw; uw invoer blijft bewaard\./)).toBeTruthy();
      // What the handler typed is still there, and the step can be sent again as it is.
      expect(screen.getByLabelText<HTMLTextAreaElement>(/^Besluit/).value).toBe(decision);
      expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Stap' }).value).toBe('decisionTaken');
      fireEvent.click(screen.getByRole('button', { name: 'Vastleggen' }));
      await screen.findByText('Vastgelegd.');
      const posts = stepPosts();
      expect(posts).toHaveLength(2);
      for (const [, init] of posts)
        expect(JSON.parse(init.body as string)).toMatchObject({ type: 'decisionTaken', summary: decision });
      await waitFor(() => expect(screen.queryByText(title)).toBeNull());
    },
  );
});
