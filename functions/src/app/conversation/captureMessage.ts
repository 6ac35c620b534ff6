import { timingSafeEqual, createHash } from 'node:crypto';
import { messageKeyOf } from '../sideRows';
import { appendMessage, categoryOf } from './appendMessage';
import type { ConversationDeps } from './conversationDeps';
import { matchComplaints } from './matchComplaint';
import { unreviewedKeyOf } from './unreviewedKey';
import type { LifecycleEvent } from '../ports/mailboxPorts';
import { escapeHtml } from '../../common/escape';

export type CaptureOutcome = 'registered' | 'known' | 'captured' | 'unreviewed' | 'gone';

/**
 * One e-mail that arrived in the complaints mailbox: it is the registered e-mail of a complaint (nothing to do),
 * an e-mail handled before (nothing to do), a reply that belongs to a complaint (onto its timeline, the handler
 * is told, the e-mail gets the complaint's category), or none of these (unreviewed, until someone decides).
 * Safe to run twice for the same e-mail: notification and delta both may bring it.
 */
export async function captureMessage(deps: ConversationDeps, graphId: string): Promise<CaptureOutcome> {
  const message = await deps.graph.getMessage(graphId);
  if (!message) return 'gone';
  const registered = await deps.complaints.lookupMessage(messageKeyOf(message.internetMessageId));
  if (registered) return 'registered';
  if (await deps.mailboxStore.linkOf(message.internetMessageId)) return 'known';
  const [match] = await matchComplaints(deps, message);
  if (!match) {
    await deps.mailboxStore.addUnreviewed({
      key: unreviewedKeyOf(message.internetMessageId),
      graphId: message.id,
      internetMessageId: message.internetMessageId,
      conversationId: message.conversationId,
      from: message.from,
      subject: message.subject,
      receivedAt: message.receivedAt,
    });
    return 'unreviewed';
  }
  const mime = await deps.graph.getMime(message.id);
  const { doc, created, seq } = await appendMessage(
    deps,
    match.complaintId,
    { ...message, graphId: message.id },
    'captured',
    'system',
    mime,
  );
  if (!created) return 'known';
  await deps.graph
    .addCategories(message.id, [categoryOf(doc.state.number)])
    .catch(() => deps.log('category not set'));
  await tellHandler(deps, doc.id, doc.state.number, doc.state.handler, seq);
  return 'captured';
}

/** The handler hears that the complainant wrote: the number only, the pane shows the rest (R17). */
async function tellHandler(
  deps: ConversationDeps,
  complaintId: string,
  number: string,
  handler: { name: string; address: string },
  seq: number,
): Promise<void> {
  const mark = `${complaintId}:${seq}`;
  if (!(await deps.watch.claim('message-notice', mark, deps.clock.now()))) return;
  const outcome = await deps.mailer.send({
    letterId: `message:${mark}`,
    to: handler,
    subject: `Klachtenregister: nieuw bericht van de klager bij ${number}`,
    html: `<p>Beste ${escapeHtml(handler.name)},</p><p>De klager heeft een nieuw bericht gestuurd bij klacht ${escapeHtml(number)}. Het staat op de tijdlijn van de klacht.</p><p><a href="${escapeHtml(deps.registerUrl)}">Open het klachtenregister</a></p>`,
  });
  // Not sent: release the mark so the next capture run (delta) tries again.
  if (outcome.kind === 'notSent') await deps.watch.release('message-notice', mark);
}

/** A Graph subscription for messages lives at most 10,080 minutes; we ask a little less and renew well before. */
export const subscriptionMinutes = 10_000;
export const renewWhenLeftMs = 2 * 24 * 60 * 60_000;

/**
 * Keeps one subscription on the Inbox alive: creates it when there is none (Graph validates the notification
 * URL first), renews it when less than two days are left, recreates it when Graph no longer knows it.
 */
export async function ensureSubscription(
  deps: ConversationDeps,
  force: 'renew' | 'recreate' | undefined = undefined,
): Promise<'none' | 'kept' | 'renewed' | 'created'> {
  const { notificationUrl, clientState } = deps.capture;
  if (!notificationUrl || !clientState) return 'none';
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + subscriptionMinutes * 60_000);
  const current = force === 'recreate' ? undefined : await deps.mailboxStore.getSubscription();
  if (current) {
    if (force !== 'renew' && Date.parse(current.expiresAt) - now.getTime() > renewWhenLeftMs) return 'kept';
    const renewed = await deps.graph.renewSubscription(current.id, expiresAt);
    if (renewed !== 'gone') {
      await deps.mailboxStore.saveSubscription(renewed);
      return 'renewed';
    }
  }
  const created = await deps.graph.createSubscription({ notificationUrl, clientState, expiresAt });
  await deps.mailboxStore.saveSubscription(created);
  return 'created';
}

/** One delta round over the Inbox: every e-mail since the stored delta link is captured (or found known). */
export async function syncInbox(deps: ConversationDeps): Promise<Record<CaptureOutcome, number>> {
  const counts: Record<CaptureOutcome, number> = {
    registered: 0,
    known: 0,
    captured: 0,
    unreviewed: 0,
    gone: 0,
  };
  const { ids, deltaLink } = await deps.graph.deltaInbox(await deps.mailboxStore.getDeltaLink());
  for (const id of ids) counts[await captureMessage(deps, id)]++;
  // Saved only after every e-mail was handled: a run that dies half-way is repeated, never skipped.
  await deps.mailboxStore.saveDeltaLink(deltaLink);
  return counts;
}

export interface NotificationItem {
  subscriptionId?: unknown;
  clientState?: unknown;
  changeType?: unknown;
  resourceData?: { id?: unknown } | null;
  lifecycleEvent?: unknown;
}

const sameSecret = (a: string, b: string): boolean => {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y);
};

/**
 * A batch of change or lifecycle notifications. Only items that carry our clientState count (anyone can post to
 * a public URL); lifecycle events keep the subscription alive (`reauthorizationRequired`: reauthorize and
 * renew; `subscriptionRemoved`: create a new one) and `missed` runs the delta query, so nothing is lost.
 */
export async function handleNotifications(
  deps: ConversationDeps,
  items: readonly NotificationItem[],
): Promise<{ accepted: number; rejected: number }> {
  const secret = deps.capture.clientState;
  let accepted = 0;
  let rejected = 0;
  let needsSync = false;
  for (const item of items) {
    if (!secret || typeof item.clientState !== 'string' || !sameSecret(item.clientState, secret)) {
      rejected++;
      continue;
    }
    accepted++;
    const event = item.lifecycleEvent as LifecycleEvent | undefined;
    if (event === 'reauthorizationRequired') {
      const current = await deps.mailboxStore.getSubscription();
      const outcome = current ? await deps.graph.reauthorizeSubscription(current.id) : 'gone';
      await ensureSubscription(deps, outcome === 'gone' ? 'recreate' : 'renew');
    } else if (event === 'subscriptionRemoved') {
      await ensureSubscription(deps, 'recreate');
      needsSync = true;
    } else if (event === 'missed') {
      needsSync = true;
    } else if (item.changeType === 'created' && typeof item.resourceData?.id === 'string') {
      await captureMessage(deps, item.resourceData.id);
    }
  }
  if (needsSync) await syncInbox(deps);
  return { accepted, rejected };
}
