import { z } from 'zod';
import { messageInput } from '../../../../domain/src/api/registration';
import type { ComplaintDocument } from '../complaintDocument';
import { AppError } from '../../common/errors';
import { isComplaintId, notFound } from '../findComplaint';
import { can, type Principal } from '../../common/principal';
import { messageKeyOf } from '../sideRows';
import { appendMessage, categoryOf, originalNameOf } from './appendMessage';
import type { ConversationDeps } from './conversationDeps';

/** `POST /api/complaints/{id}/messages`: the registration's message shape, with its MIME when the pane has it. */
export const linkRequest = z.object({ message: messageInput });
export type LinkRequest = z.output<typeof linkRequest>;

/** The largest MIME original accepted from the pane (Outlook's own message size limit is of this order). */
const maxMimeBytes = 35 * 1024 * 1024;

/**
 * The original as evidence: from the complaints mailbox when the e-mail is there (by its immutable id, the
 * pane's id or a look-up by internetMessageId), else the MIME the pane read with getAsFileAsync, else none
 * (the body and attachments the pane sent are kept, as at registration).
 */
export async function originalOf(
  deps: ConversationDeps,
  message: { internetMessageId: string; restItemId?: string | undefined; mimeBase64?: string | undefined },
): Promise<{ mime: Buffer | undefined; graphId: string | undefined }> {
  const graphId = await deps.graph.findMessageId(message.internetMessageId).catch(() => undefined);
  const fromGraph = graphId ? await deps.graph.getMime(graphId).catch(() => undefined) : undefined;
  if (fromGraph) return { mime: fromGraph, graphId };
  if (message.mimeBase64) {
    const bytes = Buffer.from(message.mimeBase64, 'base64');
    if (bytes.length > maxMimeBytes)
      throw new AppError('payloadTooLarge', 'mime-too-large', 'Het originele bericht is groter dan 35 MB.');
    return { mime: bytes, graphId };
  }
  return { mime: undefined, graphId };
}

/**
 * Links an e-mail to an existing complaint (any role that may register: a Medewerker links too, and sees only
 * the number). The same e-mail again answers the complaint without a second entry; an e-mail that is itself a
 * registered complaint cannot become part of another one.
 */
export async function linkMessage(
  deps: ConversationDeps,
  principal: Principal,
  complaintId: string,
  request: LinkRequest & { message: { mimeBase64?: string | undefined } },
): Promise<{ doc: ComplaintDocument; created: boolean }> {
  if (!can(principal, 'register'))
    throw new AppError('forbidden', 'forbidden', 'U heeft geen toegang tot het klachtenregister.');
  if (!isComplaintId(complaintId)) throw notFound();
  const message = request.message;
  const registeredAs = await deps.complaints.lookupMessage(messageKeyOf(message.internetMessageId));
  if (registeredAs) {
    throw new AppError(
      'conflict',
      'message-is-complaint',
      registeredAs === complaintId
        ? 'Deze e-mail is de klacht zelf; hij hoort al bij deze klacht.'
        : 'Deze e-mail is zelf als klacht geregistreerd en kan daarom niet aan een andere klacht worden gekoppeld.',
    );
  }
  const linked = await deps.mailboxStore.linkOf(message.internetMessageId);
  if (linked && linked.complaintId !== complaintId) {
    throw new AppError(
      'conflict',
      'message-linked-elsewhere',
      'Deze e-mail is al aan een andere klacht gekoppeld.',
    );
  }
  const stored = await deps.complaints.get(complaintId);
  if (!stored) throw notFound();
  if (linked) return { doc: stored.doc, created: false };
  const { mime, graphId } = await originalOf(deps, message);
  const result = await appendMessage(
    deps,
    complaintId,
    {
      internetMessageId: message.internetMessageId,
      conversationId: message.conversationId,
      subject: message.subject,
      from: message.from,
      receivedAt: message.receivedAt,
      bodyText: message.bodyText,
      ...(graphId ? { graphId } : {}),
      ...(message.attachments?.length
        ? {
            attachments: message.attachments.map((a) => ({
              name: a.name,
              contentType: a.contentType,
              size: Buffer.from(a.contentBase64, 'base64').length,
            })),
          }
        : {}),
    },
    'linked',
    principal,
    mime,
  );
  if (message.conversationId) await deps.mailboxStore.putConversation(message.conversationId, complaintId);
  if (graphId)
    await deps.graph.addCategories(graphId, [categoryOf(result.doc.state.number)]).catch(() => undefined);
  return { doc: result.doc, created: result.created };
}

/**
 * At registration: keep the original as evidence, claim the conversation for the complaint, tag the e-mail
 * with the complaint's category, and take it off the unreviewed list. Best effort: a registration never fails
 * because Graph is slow; the original is then what the pane sent (message.json). `original` is the look-up of
 * {@link originalOf}, which the registration starts as soon as the e-mail is claimed: Graph reads nothing of the
 * complaint, so its round trips overlap with the storage writes instead of following them.
 */
export async function afterRegistration(
  deps: ConversationDeps,
  doc: ComplaintDocument,
  message: { internetMessageId: string; conversationId: string },
  original: Promise<{ mime: Buffer | undefined; graphId: string | undefined }>,
): Promise<void> {
  // Independent pieces of bookkeeping on different rows and services: side by side, each on its own, so one
  // that fails does not keep the others from being done.
  const evidence = async (): Promise<void> => {
    const { mime, graphId } = await original;
    if (mime) await deps.evidence.putOriginal(doc.id, originalNameOf(message.internetMessageId), mime);
    if (graphId)
      await deps.graph.addCategories(graphId, [categoryOf(doc.state.number)]).catch(() => undefined);
  };
  const results = await Promise.allSettled([
    deps.mailboxStore.removeUnreviewed(message.internetMessageId),
    message.conversationId
      ? deps.mailboxStore.putConversation(message.conversationId, doc.id)
      : Promise.resolve(),
    evidence(),
  ]);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}
