/**
 * Dev only: the part of office.js the task pane uses, served instead of Microsoft's office.js when the pane
 * runs inside the simulator. It reads the selected sample from the simulator page and behaves like Outlook's
 * read surface (async callbacks, ItemChanged events, Mailbox requirement sets).
 */
import type { SampleEmail } from '../samples/samples';
import type { SimulatorBridge } from './simulatorBridge';

type Callback<T> = (result: { status: 'succeeded' | 'failed'; value: T; error: { message: string } }) => void;

const ok = <T>(cb: Callback<T>, value: T): void => {
  setTimeout(() => cb({ status: 'succeeded', value, error: { message: '' } }), 0);
};
const fail = <T>(cb: Callback<T>, message: string): void => {
  setTimeout(() => cb({ status: 'failed', value: undefined as T, error: { message } }), 0);
};

function bridge(): SimulatorBridge | undefined {
  try {
    return window.parent.klachtenSimulator;
  } catch {
    return undefined;
  }
}

function versionAtLeast(have: string, want: string): boolean {
  const [hMajor = 0, hMinor = 0] = have.split('.').map(Number);
  const [wMajor = 0, wMinor = 0] = want.split('.').map(Number);
  return hMajor > wMajor || (hMajor === wMajor && hMinor >= wMinor);
}

function toItem(sample: SampleEmail): unknown {
  const attachments = sample.attachments.map((a, i) => ({
    id: `${sample.itemId}-att-${i}`,
    name: a.name,
    contentType: a.contentType,
    size: Math.floor((a.contentBase64.length * 3) / 4),
    attachmentType: 'file',
    isInline: false,
  }));
  const common = {
    itemType: sample.itemType,
    itemId: sample.itemId,
    conversationId: sample.conversationId,
    body: {
      getAsync: (_coercion: string, cb: Callback<string>) => ok(cb, sample.bodyText),
    },
  };
  if (sample.mode === 'compose') {
    return { ...common, subject: { getAsync: (cb: Callback<string>) => ok(cb, sample.subject) } };
  }
  return {
    ...common,
    subject: sample.subject,
    internetMessageId: sample.internetMessageId,
    from: { displayName: sample.from.name, emailAddress: sample.from.address },
    dateTimeCreated: new Date(sample.receivedAt),
    attachments,
    getAllInternetHeadersAsync: (cb: Callback<string>) =>
      ok(
        cb,
        [
          `Message-ID: ${sample.internetMessageId}`,
          `Subject: ${sample.subject}`,
          ...(sample.inReplyTo ? [`In-Reply-To: ${sample.inReplyTo}`] : []),
        ].join('\r\n'),
      ),
    // Mailbox 1.1: Outlook opens a reply form with the given HTML above the quoted e-mail.
    displayReplyForm: (form: string | { htmlBody?: string }) => {
      if (!bridge() || !versionAtLeast(bridge()?.mailboxVersion() ?? '1.13', '1.1'))
        throw new Error('displayReplyForm is not supported');
      const htmlBody = typeof form === 'string' ? form : (form.htmlBody ?? '');
      if (htmlBody.length > 32 * 1024) throw new Error('htmlBody exceeds 32 KB');
      bridge()?.formOpened({ kind: 'reply', itemId: sample.itemId, htmlBody });
    },
    getAttachmentContentAsync: (id: string, cb: Callback<{ format: string; content: string }>) => {
      const index = attachments.findIndex((a) => a.id === id);
      const content = sample.attachments[index]?.contentBase64;
      if (content === undefined) return fail(cb, 'The attachment was not found.');
      ok(cb, { format: 'base64', content });
    },
  };
}

const itemChanged = 'olkItemSelectedChanged';

const mailbox = {
  get item() {
    const sample = bridge()?.selected();
    return sample ? toItem(sample) : null;
  },
  convertToRestId: (id: string) => id.replace(/\//g, '-').replace(/\+/g, '_'),
  // Mailbox 1.1: a new appointment form; Outlook requires start and end as Dates and at most 100 attendees.
  displayNewAppointmentForm(form: {
    requiredAttendees?: string[];
    start?: Date;
    end?: Date;
    subject?: string;
    body?: string;
  }) {
    if (!(form.start instanceof Date) || !(form.end instanceof Date))
      throw new Error('start and end must be Date objects');
    if ((form.requiredAttendees ?? []).length > 100) throw new Error('too many attendees');
    if ((form.body ?? '').length > 32 * 1024) throw new Error('body exceeds 32 KB');
    bridge()?.formOpened({
      kind: 'appointment',
      subject: form.subject ?? '',
      requiredAttendees: form.requiredAttendees ?? [],
      start: form.start.toISOString(),
      end: form.end.toISOString(),
      body: form.body ?? '',
    });
  },
  addHandlerAsync(type: string, handler: () => void, cb?: Callback<void>) {
    if (type === itemChanged) bridge()?.subscribe(handler);
    if (cb) ok(cb, undefined);
  },
};

const office = {
  onReady: () => Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' }),
  context: {
    mailbox,
    officeTheme: { bodyBackgroundColor: '#ffffff', bodyForegroundColor: '#000000' },
    requirements: {
      isSetSupported: (name: string, version = '1.1') =>
        name === 'Mailbox' ? versionAtLeast(bridge()?.mailboxVersion() ?? '1.13', version) : false,
    },
  },
  CoercionType: { Text: 'text', Html: 'html' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  EventType: { ItemChanged: itemChanged },
  MailboxEnums: {
    ItemType: { Message: 'message', Appointment: 'appointment' },
    AttachmentType: { File: 'file', Item: 'item', Cloud: 'cloud' },
    AttachmentContentFormat: { Base64: 'base64', Url: 'url', Eml: 'eml', ICalendar: 'iCalendar' },
    RestVersion: { v1_0: 'v1.0', v2_0: 'v2.0', Beta: 'beta' },
  },
};

(window as unknown as { Office: unknown }).Office = office;
