import './jsdomSetup';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../src/taskpane/App';
import { identityOfToken } from '../src/auth/tokenIdentity';
import type { KlachtenApi } from '../src/api/klachtenApi';
import type { ConversationEntry, LinkCandidate } from '../src/api/conversationApi';
import type { MailboxAccess } from '../src/taskpane/mailboxAccess';
import type { OpenItem } from '../src/office/openMessage';
import { ApiProblem } from '../src/api/problem';
import { ConversationList } from '../src/taskpane/conversation/ConversationList';
import { UnreviewedList } from '../src/taskpane/register/UnreviewedList';
import { inReplyToOf } from '../src/office/internetHeaders';
import { complaintView, fakeApi, message, queuedLetter, summaryOf, tokenFor } from './fakes';

const reply = message({
  internetMessageId: '<reply-1@klant.example>',
  conversationId: 'conv-new',
  subject: 'Nog een vraag over mijn factuur',
  inReplyTo: '<ack-1@lagant-voorbeeld.nl>',
});

const candidate = (overrides: Partial<LinkCandidate> = {}): LinkCandidate => ({
  id: 'c1',
  number: 'K-2026-0007',
  status: 'open',
  reason: 'sameSender',
  subject: 'Klacht over dubbele factuur',
  ...overrides,
});

function mailboxWith(item: OpenItem, extra: Partial<MailboxAccess> = {}) {
  const changed = new Set<() => void>();
  const access: MailboxAccess = {
    readOpenItem: jest.fn(() => Promise.resolve(item)),
    readAttachmentContents: () => Promise.resolve([]),
    onOpenItemChanged: (l) => void changed.add(l),
    ...extra,
  };
  return { access, fireItemChanged: () => changed.forEach((l) => l()) };
}

function renderApp(api: KlachtenApi, role: string, mailbox: MailboxAccess) {
  render(
    <FluentProvider theme={webLightTheme}>
      <App
        api={api}
        mailbox={mailbox}
        loadIdentity={() => Promise.resolve(identityOfToken(tokenFor(role)))}
      />
    </FluentProvider>,
  );
}

describe('linking an e-mail to its complaint', () => {
  test("the first look-up sends the e-mail's conversation, subject, sender and In-Reply-To", async () => {
    const api = fakeApi();
    renderApp(api, 'Klachtbehandelaar', mailboxWith({ kind: 'message', message: reply }).access);
    await screen.findByRole('button', { name: 'Registreer klacht' });
    expect(api.lookupMessage).toHaveBeenCalledWith({
      internetMessageId: '<reply-1@klant.example>',
      conversationId: 'conv-new',
      subject: 'Nog een vraag over mijn factuur',
      from: 'femke.dijkstra@klant-voorbeeld.nl',
      inReplyTo: '<ack-1@lagant-voorbeeld.nl>',
    });
  });

  test('with candidates, "Koppel aan klacht K-…" comes first; one click links with the MIME and shows the complaint', async () => {
    const view = complaintView();
    const api = fakeApi({
      lookupMessage: jest.fn(() =>
        Promise.resolve({
          complaint: null,
          candidates: [
            candidate(),
            candidate({
              id: 'c2',
              number: 'K-2026-0003',
              status: 'closed',
              reason: 'subjectTag',
              subject: 'Oud',
            }),
          ],
        }),
      ),
      linkMessage: jest.fn(() => Promise.resolve({ complaint: summaryOf(view), created: true })),
      getComplaint: jest.fn(() => Promise.resolve(view)),
    });
    const { access } = mailboxWith(
      { kind: 'message', message: reply },
      { readOriginalMime: () => Promise.resolve('RnJvbTogZmVta2U=') },
    );
    renderApp(api, 'Klachtbehandelaar', access);
    const offers = await screen.findByRole('list', { name: 'Mogelijke klachten' });
    const buttons = within(offers).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual([
      'Koppel aan klacht K-2026-0007',
      'Koppel aan klacht K-2026-0003',
    ]);
    expect(within(offers).getByText('Klacht over dubbele factuur')).toBeTruthy();
    expect(within(offers).getByText('open klacht van dezelfde afzender')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Registreer als nieuwe klacht' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Registreer klacht' })).toBeNull();

    fireEvent.click(buttons[0]!);
    expect((await screen.findByTestId('complaint-number')).textContent).toBe('K-2026-0007');
    expect(api.linkMessage).toHaveBeenCalledTimes(1);
    expect(api.linkMessage).toHaveBeenCalledWith(
      'c1',
      expect.objectContaining({
        internetMessageId: '<reply-1@klant.example>',
        subject: 'Nog een vraag over mijn factuur',
        mimeBase64: 'RnJvbTogZmVta2U=',
        attachments: [],
      }),
    );
    expect(await screen.findByRole('heading', { name: 'Gesprek' })).toBeTruthy();
  });

  test('when Outlook cannot give the MIME, the link goes without it', async () => {
    const api = fakeApi({
      lookupMessage: jest.fn(() => Promise.resolve({ complaint: null, candidates: [candidate()] })),
      linkMessage: jest.fn(() =>
        Promise.resolve({ complaint: summaryOf(complaintView(), false), created: true }),
      ),
    });
    const { access } = mailboxWith(
      { kind: 'message', message: reply },
      { readOriginalMime: () => Promise.reject(new Error('5001')) },
    );
    renderApp(api, 'Medewerker', access);
    fireEvent.click(await screen.findByRole('button', { name: 'Koppel aan klacht K-2026-0007' }));
    expect((await screen.findByTestId('complaint-number')).textContent).toBe('K-2026-0007');
    const sent = api.linkMessage.mock.calls[0]![1];
    expect('mimeBase64' in sent).toBe(false);
  });

  test('a Medewerker sees only the number of a candidate', async () => {
    const api = fakeApi({
      lookupMessage: jest.fn(() =>
        Promise.resolve({ complaint: null, candidates: [candidate({ subject: undefined })] }),
      ),
    });
    renderApp(api, 'Medewerker', mailboxWith({ kind: 'message', message: reply }).access);
    const offers = await screen.findByRole('list', { name: 'Mogelijke klachten' });
    expect(within(offers).getByRole('button').textContent).toBe('Koppel aan klacht K-2026-0007');
    expect(within(offers).queryByText('Klacht over dubbele factuur')).toBeNull();
  });

  test('"Registreer als nieuwe klacht" opens the registration form', async () => {
    const api = fakeApi({
      lookupMessage: jest.fn(() => Promise.resolve({ complaint: null, candidates: [candidate()] })),
    });
    renderApp(api, 'Klachtbehandelaar', mailboxWith({ kind: 'message', message: reply }).access);
    fireEvent.click(await screen.findByRole('button', { name: 'Registreer als nieuwe klacht' }));
    expect(await screen.findByRole('button', { name: 'Registreer klacht' })).toBeTruthy();
    expect(api.linkMessage).not.toHaveBeenCalled();
  });

  test("a refused link shows the register's Dutch reason and keeps the offer", async () => {
    const api = fakeApi({
      lookupMessage: jest.fn(() => Promise.resolve({ complaint: null, candidates: [candidate()] })),
      linkMessage: jest.fn(() =>
        Promise.reject(new ApiProblem(409, 'x', 'Deze e-mail is al aan een andere klacht gekoppeld.')),
      ),
    });
    renderApp(api, 'Klachtbehandelaar', mailboxWith({ kind: 'message', message: reply }).access);
    fireEvent.click(await screen.findByRole('button', { name: 'Koppel aan klacht K-2026-0007' }));
    expect(await screen.findByText('Deze e-mail is al aan een andere klacht gekoppeld.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Koppel aan klacht K-2026-0007' })).toBeTruthy();
  });

  test('an e-mail the server already captured is shown as part of its complaint, not offered again', async () => {
    const view = complaintView();
    const captured: ConversationEntry = {
      seq: '2',
      internetMessageId: reply.internetMessageId,
      direction: 'in',
      from: reply.from,
      subject: reply.subject,
      at: '2026-05-22T10:00:00Z',
      source: 'captured',
      sha256: 'ab',
      size: 10,
    };
    const api = fakeApi({
      lookupMessage: jest.fn(() =>
        Promise.resolve({ complaint: null, candidates: [candidate({ reason: 'conversation' })] }),
      ),
      conversation: jest.fn(() => Promise.resolve([captured])),
      getComplaint: jest.fn(() => Promise.resolve(view)),
    });
    renderApp(api, 'Klachtbehandelaar', mailboxWith({ kind: 'message', message: reply }).access);
    expect((await screen.findByTestId('complaint-number')).textContent).toBe('K-2026-0007');
    expect(screen.queryByRole('button', { name: /Koppel aan klacht/ })).toBeNull();
    expect(api.linkMessage).not.toHaveBeenCalled();
  });

  test('the pane follows the selection: ItemChanged reads the newly opened e-mail', async () => {
    const api = fakeApi();
    const { access, fireItemChanged } = mailboxWith({ kind: 'message', message: reply });
    renderApp(api, 'Klachtbehandelaar', access);
    await screen.findByRole('button', { name: 'Registreer klacht' });
    const reads = (access.readOpenItem as jest.Mock).mock.calls.length;
    fireItemChanged();
    await waitFor(() => expect((access.readOpenItem as jest.Mock).mock.calls.length).toBeGreaterThan(reads));
  });
});

describe('the conversation list', () => {
  const entries: ConversationEntry[] = [
    {
      seq: '1',
      internetMessageId: '<m1@klant.example>',
      direction: 'in',
      from: { name: 'Femke Dijkstra', address: 'femke.dijkstra@klant-voorbeeld.nl' },
      subject: 'Klacht over dubbele factuur',
      at: '2026-05-20T09:02:00Z',
      source: 'registered',
      sha256: 'aa',
      size: 100,
    },
    {
      seq: 'L1',
      internetMessageId: null,
      direction: 'out',
      from: { name: 'Klachtenteam', address: 'klachten@lagant-voorbeeld.nl' },
      subject: 'Ontvangstbevestiging [K-2026-0007]',
      at: '2026-05-20T09:05:00Z',
      source: 'letter',
      sha256: null,
      size: null,
    },
    {
      seq: '2',
      internetMessageId: '<r@klant.example>',
      direction: 'in',
      from: { name: 'Femke Dijkstra', address: 'femke.dijkstra@klant-voorbeeld.nl' },
      subject: 'RE: Ontvangstbevestiging [K-2026-0007]',
      at: '2026-05-22T10:00:00Z',
      source: 'captured',
      sha256: null,
      size: null,
    },
  ];

  function renderList(api: KlachtenApi, save = jest.fn()) {
    render(
      <FluentProvider theme={webLightTheme}>
        <ConversationList
          api={api}
          complaintId="c1"
          etag='W/"1"'
          newMessage={{ since: '2026-05-22T10:00:00Z', count: 1 }}
          save={save}
        />
      </FluentProvider>,
    );
    return save;
  }

  test('messages and letters in one list, newest first, with "nieuw bericht van de klager"', async () => {
    renderList(fakeApi({ conversation: jest.fn(() => Promise.resolve(entries)) }));
    const list = await screen.findByRole('list', { name: 'Berichten, nieuwste eerst' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((i) => i.getAttribute('aria-label'))).toEqual([
      'Ontvangen: RE: Ontvangstbevestiging [K-2026-0007]',
      'Verzonden: Ontvangstbevestiging [K-2026-0007]',
      'Ontvangen: Klacht over dubbele factuur',
    ]);
    expect(within(items[0]!).getByText('nieuw')).toBeTruthy();
    expect(within(items[2]!).queryByText('nieuw')).toBeNull();
    expect(screen.getByText('Nieuw bericht van de klager')).toBeTruthy();
  });

  test("a letter's text opens and closes from the keyboard-reachable button", async () => {
    const api = fakeApi({
      conversation: jest.fn(() => Promise.resolve(entries)),
      letterPreview: jest.fn(() =>
        Promise.resolve({
          ...queuedLetter,
          subject: 's',
          html: '',
          text: 'Wij hebben uw klacht ontvangen.',
          to: { name: '', address: '' },
        }),
      ),
    });
    renderList(api);
    const letter = await screen.findByRole('listitem', { name: /^Verzonden/ });
    const toggle = within(letter).getByRole('button', { name: 'Tekst tonen' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(await within(letter).findByText('Wij hebben uw klacht ontvangen.')).toBeTruthy();
    expect(api.letterPreview).toHaveBeenCalledWith('c1', 1);
    expect(
      within(letter).getByRole('button', { name: 'Tekst verbergen' }).getAttribute('aria-expanded'),
    ).toBe('true');
    fireEvent.click(within(letter).getByRole('button', { name: 'Tekst verbergen' }));
    await waitFor(() => expect(within(letter).queryByText('Wij hebben uw klacht ontvangen.')).toBeNull());
  });

  test("an incoming e-mail's text opens from its stored body; a failure says so in Dutch", async () => {
    const api = fakeApi({
      conversation: jest.fn(() => Promise.resolve(entries)),
      messageText: jest.fn((_id: string, seq: string) =>
        seq === '2'
          ? Promise.resolve('Ik heb nog steeds twee facturen.\nGroet, Femke')
          : Promise.reject(new ApiProblem(503, 'about:blank', 'De opslag is even niet bereikbaar.')),
      ),
    });
    renderList(api);
    const replyItem = await screen.findByRole('listitem', { name: /^Ontvangen: RE:/ });
    const toggle = within(replyItem).getByRole('button', { name: 'Tekst tonen' });
    fireEvent.click(toggle);
    const text = await within(replyItem).findByText(/Ik heb nog steeds twee facturen\./);
    expect(text.textContent).toBe('Ik heb nog steeds twee facturen.\nGroet, Femke');
    expect(api.messageText).toHaveBeenCalledWith('c1', '2');
    const hide = within(replyItem).getByRole('button', { name: 'Tekst verbergen' });
    expect(hide.getAttribute('aria-controls')).toBe(text.id);
    fireEvent.click(hide);
    await waitFor(() => expect(within(replyItem).queryByText(/twee facturen/)).toBeNull());

    const first = screen.getByRole('listitem', { name: 'Ontvangen: Klacht over dubbele factuur' });
    fireEvent.click(within(first).getByRole('button', { name: 'Tekst tonen' }));
    expect(await within(first).findByText(/De opslag is even niet bereikbaar/)).toBeTruthy();
  });

  test('a kept original downloads as .eml; without one there is no download button', async () => {
    const blob = new Blob(['From: x'], { type: 'message/rfc822' });
    const api = fakeApi({
      conversation: jest.fn(() => Promise.resolve(entries)),
      originalMessage: jest.fn(() => Promise.resolve(blob)),
    });
    const save = renderList(api);
    const first = await screen.findByRole('listitem', { name: 'Ontvangen: Klacht over dubbele factuur' });
    fireEvent.click(
      within(first).getByRole('button', { name: 'Origineel downloaden: Klacht over dubbele factuur' }),
    );
    await waitFor(() => expect(save).toHaveBeenCalledWith(blob, 'bericht-1.eml'));
    expect(api.originalMessage).toHaveBeenCalledWith('c1', '1');
    const captured = screen.getByRole('listitem', { name: /^Ontvangen: RE:/ });
    expect(within(captured).queryByRole('button', { name: /Origineel/ })).toBeNull();
  });
});

describe('"Nog niet beoordeeld"', () => {
  test('lists unreviewed e-mails; "Afwijzen" with a reason takes one off the list', async () => {
    const api = fakeApi({
      unreviewed: jest.fn(() =>
        Promise.resolve([
          {
            id: 'u1',
            internetMessageId: '<u1@x>',
            conversationId: 'cu1',
            from: { name: 'Reclame BV', address: 'info@reclame.example' },
            subject: 'Korting!',
            receivedAt: '2026-05-20T08:00:00Z',
          },
          {
            id: 'u2',
            internetMessageId: '<u2@x>',
            conversationId: 'cu2',
            from: { name: 'Jan', address: 'jan@example.org' },
            subject: 'Vraag',
            receivedAt: '2026-05-21T08:00:00Z',
          },
        ]),
      ),
      dismissUnreviewed: jest.fn(() => Promise.resolve()),
    });
    render(
      <FluentProvider theme={webLightTheme}>
        <UnreviewedList api={api} />
      </FluentProvider>,
    );
    const list = await screen.findByRole('list', { name: 'Nog niet beoordeeld' });
    const spam = within(list).getByRole('listitem', { name: 'Korting!' });
    fireEvent.change(within(spam).getByRole('combobox', { name: 'Reden' }), { target: { value: 'spam' } });
    fireEvent.click(within(spam).getByRole('button', { name: 'Afwijzen: Korting!' }));
    await waitFor(() => expect(within(list).queryByRole('listitem', { name: 'Korting!' })).toBeNull());
    expect(api.dismissUnreviewed).toHaveBeenCalledWith('u1', 'spam');
    expect(within(list).getByRole('listitem', { name: 'Vraag' })).toBeTruthy();
  });

  test('a failed dismissal says so in Dutch and keeps the e-mail', async () => {
    const api = fakeApi({
      unreviewed: jest.fn(() =>
        Promise.resolve([
          {
            id: 'u1',
            internetMessageId: '<u1@x>',
            conversationId: 'cu1',
            from: { name: 'Jan', address: 'jan@example.org' },
            subject: 'Vraag',
            receivedAt: '2026-05-21T08:00:00Z',
          },
        ]),
      ),
      dismissUnreviewed: jest.fn(() =>
        Promise.reject(
          new ApiProblem(503, 'x', 'Het register is even niet bereikbaar; probeer het zo opnieuw.'),
        ),
      ),
    });
    render(
      <FluentProvider theme={webLightTheme}>
        <UnreviewedList api={api} />
      </FluentProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Afwijzen: Vraag' }));
    expect(
      await screen.findByText('Het register is even niet bereikbaar; probeer het zo opnieuw.'),
    ).toBeTruthy();
    expect(screen.getByRole('listitem', { name: 'Vraag' })).toBeTruthy();
  });
});

describe('In-Reply-To from the internet headers', () => {
  test('reads the id, also from a folded header, and nothing when absent', () => {
    expect(inReplyToOf('Subject: x\r\nIn-Reply-To:\r\n <a.b@example.org>\r\nTo: y\r\n')).toBe(
      '<a.b@example.org>',
    );
    expect(inReplyToOf('in-reply-to: <c@d>')).toBe('<c@d>');
    expect(inReplyToOf('Subject: x\r\nReferences: <e@f>\r\n')).toBeUndefined();
  });
});
