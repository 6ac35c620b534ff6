import { startStack, type Stack } from '../../dev/stack';
import { apiClient, registrationOf } from '../support/api';
import { sample, variant } from '../support/samples';

jest.setTimeout(60_000);

let stack: Stack;
let api: ReturnType<typeof apiClient>;

interface MailboxItem {
  to: string[];
  subject: string;
  text?: string;
  html?: string;
  headers: Record<string, string>;
  sentAt: string;
}
interface Created {
  id: string;
  number: string;
  etag: string;
  view?: { deadlines: Record<string, string>; etag: string };
}
interface LetterItem {
  seq: number;
  kind: string;
  status: string;
  statusLabel: string;
  sentOn?: string;
  proof?: { recipient: string; sentAt: string; inThread: boolean };
}

const header = 'x-klachtenregister-letter-id';

beforeAll(async () => {
  stack = await startStack();
  api = apiClient(stack);
});
afterAll(async () => {
  await stack?.stop();
});

async function mailbox(): Promise<MailboxItem[]> {
  return (await (await fetch(`${stack.urls.functions}/dev/mailbox`)).json()) as MailboxItem[];
}
const lettersOf = async (id: string): Promise<MailboxItem[]> =>
  (await mailbox()).filter((m) => m.headers[header]?.startsWith(`${id}:`));

async function register(body: Record<string, unknown>): Promise<Created> {
  const res = await api.call<Created>('POST', '/complaints', { body });
  expect(res.status).toBe(201);
  return res.body;
}

/** Allowed markup in a letter; everything else would have come from somewhere it should not. */
const allowedTags = new Set([
  '!doctype',
  'html',
  'head',
  'meta',
  'title',
  'body',
  'h1',
  'h2',
  'p',
  'br',
  'table',
  'tr',
  'td',
]);
const tagsOf = (html: string) =>
  [...html.matchAll(/<\/?([!a-zA-Z][^\s>/]*)/g)].map((m) => (m[1] ?? '').toLowerCase());

describe('letters through the Graph sandbox', () => {
  test('registration → exactly one acknowledgement to the complainant, with the number and resolveBy in Dutch', async () => {
    const created = await register(registrationOf(variant(sample('01-ordinary'), 'letters-1')));
    await stack.settleLetters();

    const sent = await lettersOf(created.id);
    expect(sent).toHaveLength(1);
    const [ack] = sent;
    expect(ack?.to).toEqual([sample('01-ordinary').from.address]);
    expect(ack?.subject).toMatch(new RegExp(`^Re: .+ \\[${created.number}\\]$`));
    expect(ack?.headers[header]).toBe(`${created.id}:1`);
    // Received Monday 2 March 2026, 6 weeks → Monday 13 April 2026.
    expect(created.view?.deadlines['resolveBy']).toBe('2026-04-13');
    expect(ack?.html).toContain(created.number);
    expect(ack?.html).toContain('uiterlijk maandag 13 april 2026');
    expect(ack?.html).toContain('Ontvangstbevestiging');

    const letters = await api.call<{ items: LetterItem[] }>('GET', `/complaints/${created.id}/letters`);
    expect(letters.body.items).toEqual([
      expect.objectContaining({ seq: 1, kind: 'acknowledgement', status: 'sent', statusLabel: 'verzonden' }),
    ]);
    expect(letters.body.items[0]?.proof).toMatchObject({ recipient: sample('01-ordinary').from.address });
    const audit = await api.call<{ items: { action: string }[] }>('GET', `/complaints/${created.id}/audit`, {
      role: 'Directeur',
    });
    expect(audit.body.items.map((a) => a.action)).toContain('letter-sent');
  });

  test('the handler previews a letter exactly as it goes; others cannot', async () => {
    const created = await register(registrationOf(variant(sample('02-koningsdag'), 'letters-2')));
    // Sent at once by default; the preview renders the letter from the same data, before or after sending.
    await stack.settleLetters();
    const preview = await api.call<{
      subject: string;
      html: string;
      text: string;
      to: { address: string };
      status: string;
    }>('GET', `/complaints/${created.id}/letters/1/preview`);
    expect(preview.status).toBe(200);
    expect(preview.body.status).toBe('sent');
    expect(preview.body.to.address).toBe(sample('02-koningsdag').from.address);
    expect(preview.body.text).toContain(`Klachtnummer: ${created.number}`);
    const [sent] = await lettersOf(created.id);
    expect(sent?.html).toBe(preview.body.html);
    expect(sent?.subject).toBe(preview.body.subject);

    expect(
      (await api.call('GET', `/complaints/${created.id}/letters/1/preview`, { role: 'Medewerker' })).status,
    ).toBe(403);
    expect((await api.call('GET', `/complaints/${created.id}/letters/9/preview`)).status).toBe(404);
    expect((await api.call('GET', `/complaints/${created.id}/letters/x/preview`)).status).toBe(400);
  });

  test("a reply goes in the complainant's own thread when their e-mail is in the complaints mailbox", async () => {
    const email = variant(sample('01-ordinary'), 'letters-thread');
    stack.graph.deliverToMailbox({
      internetMessageId: email.internetMessageId,
      from: email.from,
      subject: email.subject,
    });
    const created = await register(registrationOf(email));
    await stack.settleLetters();
    const sent = stack.graph.sent().filter((m) => m.headers[header] === `${created.id}:1`);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.inReplyTo).toBe(email.internetMessageId);
    expect(sent[0]?.to).toEqual([email.from.address]);
  });

  test('hostile content: nothing executable and no raw HTML from the e-mail in the letter', async () => {
    const email = variant(sample('05-hostile'), 'letters-hostile');
    const created = await register(registrationOf(email));
    await stack.settleLetters();
    const [sent] = await lettersOf(created.id);
    const html = sent?.html ?? '';
    expect(tagsOf(html).every((t) => allowedTags.has(t))).toBe(true);
    expect(html).not.toMatch(/<(script|img|iframe|a|svg|style)\b/i);
    expect(html).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Tester');
    expect(html).not.toContain('document.cookie'); // the body of the e-mail is not quoted at all
    expect(sent?.subject).not.toMatch(/[<>]/);
    const preview = await api.call<{ text: string }>('GET', `/complaints/${created.id}/letters/1/preview`);
    expect(preview.body.text).not.toMatch(/[<>]/);
    expect(preview.body.text).toContain('‹script›');
  });

  test('a forwarded complaint: letters go to the complainant the handler confirmed, never to the employee', async () => {
    const email = variant(sample('07-forwarded'), 'letters-fw');
    // The employee's forward is in the complaints mailbox, but it is not the complainant's thread.
    stack.graph.deliverToMailbox({
      internetMessageId: email.internetMessageId,
      from: email.from,
      subject: email.subject,
    });
    const complainant = { name: 'Noor Visser', address: 'noor.visser@klant.example' };
    const created = await register({ ...registrationOf(email), complainant });
    const view = (await api.call<{ etag: string }>('GET', `/complaints/${created.id}`)).body;
    const step = await api.call('POST', `/complaints/${created.id}/steps`, {
      body: {
        type: 'escalated',
        on: '2026-09-07',
        reason: 'Annuleringsvoorwaarden: beslissing directie nodig.',
      },
      headers: { 'if-match': view.etag },
    });
    expect(step.status).toBe(200);
    await stack.settleLetters();

    const sent = stack.graph.sent().filter((m) => m.headers[header]?.startsWith(`${created.id}:`));
    expect(sent.map((m) => m.headers[header]).sort()).toEqual([`${created.id}:1`, `${created.id}:2`]);
    for (const m of sent) {
      expect(m.to).toEqual(['noor.visser@klant.example']);
      expect(m.inReplyTo).toBeUndefined();
      expect(m.subject).toBe(`Re: Ontevreden over annuleringskosten [${created.number}]`);
      expect(m.html).toContain('Geachte Noor Visser,');
    }
    expect(stack.graph.sent().some((m) => m.to.includes(email.from.address))).toBe(false);
    expect(sent.find((m) => m.headers[header] === `${created.id}:2`)?.html).toContain(
      'voorgelegd aan de directeur',
    );
  });
});
