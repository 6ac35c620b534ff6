import { inReplyToOf } from './internetHeaders';
import type { AttachmentContent, OpenItem, OpenMessage } from './openMessage';

/**
 * The only module that touches office.js. Everything is promisified here; the rest of the pane receives
 * plain data and functions as props, so it can be tested without Outlook.
 */

function mailbox(): Office.Mailbox | undefined {
  return typeof Office === 'undefined' ? undefined : Office.context?.mailbox;
}

function bodyAsText(item: Office.MessageRead): Promise<string> {
  return new Promise((resolve, reject) => {
    item.body.getAsync(Office.CoercionType.Text, (result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
      else reject(new Error(result.error.message));
    });
  });
}

/** In-Reply-To of the open message; undefined where the client cannot tell (older than 1.8) or fails. */
function inReplyTo(item: Office.MessageRead): Promise<string | undefined> {
  if (!supports('Mailbox', '1.8') || typeof item.getAllInternetHeadersAsync !== 'function')
    return Promise.resolve(undefined);
  return new Promise((resolve) => {
    item.getAllInternetHeadersAsync((result) =>
      resolve(result.status === Office.AsyncResultStatus.Succeeded ? inReplyToOf(result.value) : undefined),
    );
  });
}

function supports(set: string, version: string): boolean {
  return Office.context.requirements?.isSetSupported(set, version) ?? false;
}

/** Reads the e-mail that is open; explains when the open item is no received e-mail. */
export async function readOpenMessage(): Promise<OpenItem> {
  const box = mailbox();
  const item = box?.item;
  if (!box || !item) return { kind: 'none', reason: 'nothing-selected' };
  if (String(item.itemType) !== String(Office.MailboxEnums.ItemType.Message))
    return { kind: 'none', reason: 'not-a-message' };
  // In compose mode `subject` is an object with getAsync; a draft is not a received complaint.
  if (typeof (item as { subject: unknown }).subject !== 'string') return { kind: 'none', reason: 'compose' };
  const read = item as Office.MessageRead;
  const canReadAttachments = supports('Mailbox', '1.8');
  const restItemId =
    read.itemId && typeof box.convertToRestId === 'function'
      ? box.convertToRestId(read.itemId, Office.MailboxEnums.RestVersion.v2_0)
      : undefined;
  const [bodyText, replyTo] = await Promise.all([bodyAsText(read), inReplyTo(read).catch(() => undefined)]);
  const message: OpenMessage = {
    internetMessageId: read.internetMessageId,
    conversationId: read.conversationId,
    restItemId,
    subject: read.subject,
    from: { name: read.from?.displayName ?? '', address: read.from?.emailAddress ?? '' },
    receivedAt: read.dateTimeCreated.toISOString(),
    bodyText,
    attachments: (read.attachments ?? [])
      .filter(
        (a) => !a.isInline && String(a.attachmentType) === String(Office.MailboxEnums.AttachmentType.File),
      )
      .map((a) => ({ id: a.id, name: a.name, contentType: a.contentType, size: a.size })),
    canReadAttachments,
    ...(replyTo ? { inReplyTo: replyTo } : {}),
  };
  return { kind: 'message', message };
}

/** Reads the content of the open message's file attachments (Mailbox 1.8); empty where unsupported. */
export async function readAttachmentContents(message: OpenMessage): Promise<AttachmentContent[]> {
  const item = mailbox()?.item as Office.MessageRead | undefined;
  if (!item || !message.canReadAttachments) return [];
  return Promise.all(
    message.attachments.map(
      (a) =>
        new Promise<AttachmentContent>((resolve, reject) => {
          item.getAttachmentContentAsync(a.id, (result) => {
            if (result.status !== Office.AsyncResultStatus.Succeeded)
              return reject(new Error(result.error.message));
            if (String(result.value.format) !== String(Office.MailboxEnums.AttachmentContentFormat.Base64)) {
              return reject(new Error('unsupported attachment format'));
            }
            resolve({ name: a.name, contentType: a.contentType, contentBase64: result.value.content });
          });
        }),
    ),
  );
}

const mimeWaitMs = 8000;

/**
 * The open message as MIME (base64 EML, Mailbox 1.14), kept by the server as evidence when the e-mail is not
 * in the complaints mailbox. Outlook fails this now and then (error 5001), so it never rejects: undefined
 * means "send without it".
 */
export function readOriginalMime(): Promise<string | undefined> {
  const item = mailbox()?.item as Office.MessageRead | undefined;
  if (!item || !supports('Mailbox', '1.14') || typeof item.getAsFileAsync !== 'function')
    return Promise.resolve(undefined);
  return new Promise((resolve) => {
    // A callback that never comes must not hold up the link: after a while, go on without the original.
    const giveUp = setTimeout(() => resolve(undefined), mimeWaitMs);
    try {
      item.getAsFileAsync((result) => {
        clearTimeout(giveUp);
        resolve(
          result.status === Office.AsyncResultStatus.Succeeded && result.value ? result.value : undefined,
        );
      });
    } catch {
      clearTimeout(giveUp);
      resolve(undefined);
    }
  });
}

/** Calls `listener` when the user selects another e-mail while the pane is pinned. */
export function onOpenItemChanged(listener: () => void): void {
  mailbox()?.addHandlerAsync(Office.EventType.ItemChanged, listener);
}

/** Resolves when office.js is ready (in Outlook, or in the simulator). */
export function officeReady(): Promise<void> {
  return Office.onReady().then(() => undefined);
}
