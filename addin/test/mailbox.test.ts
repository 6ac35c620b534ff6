// office-addin-mock only needs the host names of office-addin-manifest, whose own dependency chain is
// ESM-only (strip-bom) and does not load under jest's CommonJS runtime.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    PowerPoint: 'powerpoint',
    Project: 'project',
    Word: 'word',
  },
}));
import { OfficeMockObject } from 'office-addin-mock';
import { readAttachmentContents, readOpenMessage } from '../src/office/mailbox';
import { openAuthDialog, supportsNestedAppAuth } from '../src/office/authDialog';
import { readOfficeTheme } from '../src/office/officeTheme';

const minor = (v: string): number => {
  const [major = 0, min = 0] = v.split('.').map(Number);
  return major * 1000 + min;
};
type Callback = (result: unknown) => void;
const succeeded = (value: unknown) => ({ status: 'succeeded', value });

function officeWith(
  item: Record<string, unknown> | null,
  sets: Record<string, string> = { Mailbox: '1.13' },
) {
  const data = {
    host: 'outlook',
    context: {
      mailbox: {
        ...(item ? { item } : {}),
        convertToRestId: (id: string) => `rest:${id}`,
      },
      officeTheme: { bodyBackgroundColor: '#1f1f1f' },
      requirements: {
        isSetSupported: (name: string, version: string) => minor(sets[name] ?? '0.0') >= minor(version),
      },
      ui: {
        displayDialogAsync: (_url: string, _options: unknown, cb: Callback) => {
          const handlers: Record<string, (arg: unknown) => void> = {};
          cb(
            succeeded({
              addEventHandler: (type: string, handler: (arg: unknown) => void) => (handlers[type] = handler),
              close: () => undefined,
            }),
          );
          handlers['dialogMessageReceived']?.({ message: '{"kind":"token"}', origin: dialogOrigin });
        },
      },
    },
    CoercionType: { Text: 'text' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    MailboxEnums: {
      ItemType: { Message: 'message', Appointment: 'appointment' },
      AttachmentType: { File: 'file' },
      AttachmentContentFormat: { Base64: 'base64' },
      RestVersion: { v2_0: 'v2.0' },
    },
  };
  (globalThis as unknown as { Office: unknown }).Office = new OfficeMockObject(data);
}

/** The origin the simulated sign-in dialog answers from. */
let dialogOrigin: string | undefined = window.location.origin;

const received = () => ({
  itemType: 'message',
  itemId: 'AAMk/1+2',
  internetMessageId: '<abc@example.org>',
  conversationId: 'conv-1',
  subject: 'Klacht over de factuur',
  from: { displayName: 'Femke Dijkstra', emailAddress: 'femke@example.org' },
  dateTimeCreated: new Date('2026-03-02T09:15:00+01:00'),
  body: { getAsync: (_type: string, cb: Callback) => cb(succeeded('De factuur klopt niet.')) },
  attachments: [
    {
      id: 'a1',
      name: 'factuur.pdf',
      contentType: 'application/pdf',
      size: 10,
      isInline: false,
      attachmentType: 'file',
    },
    { id: 'a2', name: 'logo.png', contentType: 'image/png', size: 5, isInline: true, attachmentType: 'file' },
  ],
  getAttachmentContentAsync: (id: string, cb: Callback) =>
    cb(succeeded({ format: 'base64', content: `b64-${id}` })),
});

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe('the office module (against office-addin-mock)', () => {
  test('reads a received e-mail: subject, sender, time, body text, ids and its file attachments', async () => {
    officeWith(received());
    const item = await readOpenMessage();
    expect(item.kind).toBe('message');
    if (item.kind !== 'message') return;
    expect(item.message).toMatchObject({
      internetMessageId: '<abc@example.org>',
      conversationId: 'conv-1',
      restItemId: 'rest:AAMk/1+2',
      subject: 'Klacht over de factuur',
      from: { name: 'Femke Dijkstra', address: 'femke@example.org' },
      receivedAt: '2026-03-02T08:15:00.000Z',
      bodyText: 'De factuur klopt niet.',
      canReadAttachments: true,
    });
    expect(item.message.attachments.map((a) => a.name)).toEqual(['factuur.pdf']);
    await expect(readAttachmentContents(item.message)).resolves.toEqual([
      { name: 'factuur.pdf', contentType: 'application/pdf', contentBase64: 'b64-a1' },
    ]);
  });

  test('without Mailbox 1.8 the e-mail is still read, and no attachment content is taken', async () => {
    officeWith(received(), { Mailbox: '1.5' });
    const item = await readOpenMessage();
    if (item.kind !== 'message') throw new Error('expected a message');
    expect(item.message.canReadAttachments).toBe(false);
    await expect(readAttachmentContents(item.message)).resolves.toEqual([]);
  });

  test('a compose window, a meeting and no selection are explained, not errors', async () => {
    officeWith({ ...received(), subject: { getAsync: () => undefined } });
    await expect(readOpenMessage()).resolves.toEqual({ kind: 'none', reason: 'compose' });
    officeWith({ ...received(), itemType: 'appointment' });
    await expect(readOpenMessage()).resolves.toEqual({ kind: 'none', reason: 'not-a-message' });
    officeWith(null);
    await expect(readOpenMessage()).resolves.toEqual({ kind: 'none', reason: 'nothing-selected' });
  });

  test('NAA support and the sign-in dialog go through Office', async () => {
    officeWith(received(), { Mailbox: '1.13', NestedAppAuth: '1.1' });
    expect(supportsNestedAppAuth()).toBe(true);
    await expect(openAuthDialog('https://addin.example/auth-dialog.html')).resolves.toBe('{"kind":"token"}');
    // A page of another origin in the dialog cannot hand the pane a token.
    dialogOrigin = 'https://evil.example';
    await expect(openAuthDialog('https://addin.example/auth-dialog.html')).rejects.toThrow(
      /geen geldig antwoord/,
    );
    // Clients without DialogOrigin 1.1 give no origin (and deliver only messages from the pane's own domain).
    dialogOrigin = undefined;
    await expect(openAuthDialog('https://addin.example/auth-dialog.html')).resolves.toBe('{"kind":"token"}');
    dialogOrigin = window.location.origin;
    officeWith(received());
    expect(supportsNestedAppAuth()).toBe(false);
  });

  test("Office's dark body colour selects the dark theme", () => {
    officeWith(received());
    expect(readOfficeTheme()).toBe('dark');
  });
});
