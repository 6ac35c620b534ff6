import { startGraphSandbox, type GraphSandbox } from '../../../dev/graphSandbox';
import { createGraphMailer } from '../../src/adapters/graphMailer';
import { graphTokenSourceFor, type GraphTokenSource } from '../../src/adapters/graphTokenSource';
import { LETTER_ID_HEADER, type OutgoingLetter } from '../../src/app/ports/mailer';

const mailbox = 'klachten@lagant.example';
let graph: GraphSandbox;
let tokenCalls = 0;
const tokens: GraphTokenSource = {
  getToken: () => {
    tokenCalls++;
    return Promise.resolve('token-from-the-port');
  },
};
/**
 * A timeout no busy machine reaches: only the `slow` fault may time out, and that one never answers in time
 * (the sandbox holds it for ten minutes), so no outcome here depends on how fast the machine is.
 */
const roomyTimeoutMs = 60_000;
const mailer = (timeoutMs = roomyTimeoutMs) =>
  createGraphMailer({ baseUrl: graph.baseUrl, mailbox, tokens, timeoutMs });

const letter = (n: number, extra: Partial<OutgoingLetter> = {}): OutgoingLetter => ({
  letterId: `c-${n}:1`,
  to: { name: 'Eva de Vries', address: 'eva@klant.example' },
  subject: 'Re: Factuur [K-2026-0001]',
  html: '<p>Geachte Eva de Vries,</p>',
  ...extra,
});

beforeAll(async () => {
  graph = await startGraphSandbox(0, { mailbox, slowMs: 10 * 60_000 });
});
afterAll(() => graph.close());
beforeEach(() => graph.reset());

describe('Graph mailer against the sandbox', () => {
  test('a new message goes through sendMail with the bearer token from the port and the letter-id header', async () => {
    tokenCalls = 0;
    const outcome = await mailer().send(letter(1));
    expect(outcome).toEqual({ kind: 'accepted', inThread: false });
    expect(tokenCalls).toBeGreaterThan(0);
    const [sent] = graph.sent();
    expect(sent).toMatchObject({
      mailbox,
      to: ['eva@klant.example'],
      subject: 'Re: Factuur [K-2026-0001]',
      html: '<p>Geachte Eva de Vries,</p>',
      headers: { [LETTER_ID_HEADER]: 'c-1:1' },
      inReplyTo: undefined,
    });
  });

  test('when the original is in the mailbox it replies in the thread, with our body and recipient only', async () => {
    graph.deliverToMailbox({
      internetMessageId: "<o'brien-1@klant.example>",
      from: { name: 'Medewerker', address: 'p.jansen@lagant.example' },
      subject: 'Factuur',
      html: '<script>alert(1)</script>origineel',
    });
    const outcome = await mailer().send(letter(2, { replyTo: "<o'brien-1@klant.example>" }));
    expect(outcome).toMatchObject({ kind: 'accepted', inThread: true });
    const [sent] = graph.sent();
    expect(sent?.inReplyTo).toBe("<o'brien-1@klant.example>");
    expect(sent?.to).toEqual(['eva@klant.example']);
    expect(sent?.html).toBe('<p>Geachte Eva de Vries,</p>');
    expect(sent?.headers[LETTER_ID_HEADER]).toBe('c-2:1');
    expect(outcome.kind === 'accepted' && outcome.graphMessageId).toBe(sent?.id);
  });

  test('an original that is not in the mailbox: a new message', async () => {
    await mailer().send(letter(3, { replyTo: '<elders@klant.example>' }));
    expect(graph.sent()[0]?.inReplyTo).toBeUndefined();
  });

  test('finds a sent letter by its id in Sent Items, and not another one', async () => {
    const m = mailer();
    await m.send(letter(4));
    const found = await m.findSent('c-4:1');
    expect(found).toMatchObject({ kind: 'found', graphMessageId: graph.sent()[0]?.id });
    expect(await m.findSent('c-5:1')).toEqual({ kind: 'notFound' });
  });

  test('throttling is "not sent" with Retry-After; a 503, lost and slow answers on the final request are "unknown"', async () => {
    const m = mailer();
    graph.injectFaults(['throttle']);
    expect(await m.send(letter(6))).toEqual({
      kind: 'notSent',
      retryable: true,
      code: 'throttled',
      retryAfterMs: 1000,
    });
    graph.injectFaults(['unavailable']);
    // A 503 on sendMail may come after Exchange accepted it: the sender must look before sending again.
    expect(await m.send(letter(6))).toEqual({ kind: 'unknown', code: 'unavailable' });
    expect(graph.sent()).toHaveLength(0);

    graph.injectFaults(['lostAnswer']);
    expect(await m.send(letter(7))).toEqual({ kind: 'unknown', code: 'no-answer' });
    graph.injectFaults(['slow']);
    expect(await mailer(1_000).send(letter(8))).toEqual({ kind: 'unknown', code: 'no-answer' });
    // Both were in fact accepted: that is why "unknown" must be verified before sending again.
    expect(
      graph
        .sent()
        .map((s) => s.headers[LETTER_ID_HEADER])
        .sort(),
    ).toEqual(['c-7:1', 'c-8:1']);
  });

  test('a lost answer before the final request of a reply is "not sent": only the send can send', async () => {
    graph.deliverToMailbox({
      internetMessageId: '<r@x>',
      from: { name: 'E', address: 'eva@klant.example' },
      subject: 'F',
    });
    graph.injectFaults(['none', 'lostAnswer']); // lookup fine, createReply's answer lost
    expect(await mailer().send(letter(9, { replyTo: '<r@x>' }))).toMatchObject({
      kind: 'notSent',
      retryable: true,
    });
    expect(graph.sent()).toHaveLength(0);
  });

  test('the sandbox refuses what Graph refuses: no token, another mailbox, bad payloads', async () => {
    const noToken = await fetch(`${graph.baseUrl}/users/${mailbox}/sendMail`, { method: 'POST', body: '{}' });
    expect(noToken.status).toBe(401);
    // message: send takes no request body, not even `{}` (the mailer posts none; see the reply test above).
    const sendWithBody = await fetch(`${graph.baseUrl}/users/${mailbox}/messages/draft-1/send`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(sendWithBody.status).toBe(400);
    const other = createGraphMailer({
      baseUrl: graph.baseUrl,
      mailbox: 'ceo@lagant.example',
      tokens,
      timeoutMs: roomyTimeoutMs,
    });
    expect(await other.send(letter(10))).toMatchObject({
      kind: 'notSent',
      retryable: true,
      code: 'http-403',
    });
    expect(await mailer().send(letter(11, { to: { name: 'x', address: 'geen-adres' } }))).toMatchObject({
      kind: 'notSent',
      retryable: false,
      code: 'http-400',
    });
    expect(graph.sent()).toHaveLength(0);
  });
});

describe('Graph token source', () => {
  test('Graph gets a token for its own .default scope; the sandbox a placeholder; other hosts none', async () => {
    const scopes: string[] = [];
    const credential = {
      getToken: (scope: string | string[]) => {
        scopes.push(String(scope));
        return Promise.resolve({ token: 'graph-token', expiresOnTimestamp: Date.now() + 3_600_000 });
      },
    };
    const source = graphTokenSourceFor('https://graph.microsoft.com/v1.0', credential);
    expect(await source.getToken()).toBe('graph-token');
    expect(await source.getToken()).toBe('graph-token');
    expect(scopes).toEqual(['https://graph.microsoft.com/.default']); // cached until shortly before expiry
    expect(await graphTokenSourceFor('http://127.0.0.1:7072/v1.0').getToken()).toBe('local-graph-sandbox');
    expect(() => graphTokenSourceFor('https://graph.evil.example/v1.0')).toThrow(
      /Microsoft Graph or a local sandbox/,
    );
  });
});

describe('with Mail.Send only (no read access to the mailbox)', () => {
  test('a letter meant for the thread still goes out, as a new message', async () => {
    const sendOnly = await startGraphSandbox(0, { mailbox, sendOnly: true });
    try {
      sendOnly.deliverToMailbox({
        internetMessageId: '<own@x>',
        from: { name: 'E', address: 'eva@klant.example' },
        subject: 'F',
      });
      const m = createGraphMailer({ baseUrl: sendOnly.baseUrl, mailbox, tokens, timeoutMs: roomyTimeoutMs });
      expect(await m.send(letter(11, { replyTo: '<own@x>' }))).toEqual({ kind: 'accepted', inThread: false });
      expect(sendOnly.sent().map((s) => s.headers[LETTER_ID_HEADER])).toEqual(['c-11:1']);
      expect(await m.findSent('c-11:1')).toMatchObject({ kind: 'error' });
    } finally {
      await sendOnly.close();
    }
  });
});
