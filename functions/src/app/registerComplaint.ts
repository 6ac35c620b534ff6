import { randomUUID } from 'node:crypto';
import {
  formatComplaintNumber,
  MAX_SEQUENCE,
  type ComplaintNumber,
} from '../../../domain/src/complaintNumber';
import { toAmsterdamDate, type LocalDate } from '../../../domain/src/localDate';
import { buildCheckedComplaint, checkRegistration } from '../../../domain/src/registerComplaint';
import type { ParsedRegistrationRequest } from '../../../domain/src/api/registration';
import type { Refusal } from '../../../domain/src/refusal';
import type { ProcedureContext } from '../../../domain/src/procedureContext';
import type { AttachmentRef } from '../../../domain/src/complaintState';
import type { WorkingDayCalendar } from '../../../domain/src/workingDayCalendar';
import type { ProcedureSettings } from '../../../domain/src/settings';
import type { Clock } from './ports/clock';
import type { ComplaintIndex } from './ports/complaintIndex';
import type { ComplaintStore, OutboxRecord, SideRow, WrittenComplaint } from './ports/complaintStore';
import type { FileStore } from './ports/fileStore';
import type { NumberLedger } from './ports/numberLedger';
import type { ConversationDeps } from './conversation/conversationDeps';
import type { ComplaintDocument } from './complaintDocument';
import { AppError, validationError } from '../common/errors';
import { can, type Principal } from '../common/principal';
import { retry, tryAgain, type RetryPolicy, type TryAgain } from '../common/retry';
import { auditEntry, auditRow, messageKeyOf, outboxRows } from './sideRows';
import { refreshIndex } from './indexEntry';

/** The procedure's settings and the working-day calendar its deadlines are counted in. */
export interface ProcedureDeps {
  clock: Clock;
  procedure: { settings: ProcedureSettings; calendar: WorkingDayCalendar };
}

export interface RegisterComplaintDeps extends ProcedureDeps {
  complaints: ComplaintStore<ComplaintDocument>;
  files: FileStore;
  index: ComplaintIndex;
  /** The complaints mailbox: the handler of a complaint an employee passes on. */
  config: { graph: { mailbox: string }; organisationStart: LocalDate };
  numbers: NumberLedger;
  conversation: ConversationDeps;
}
import { checkRelatedComplaint } from './relatedComplaints';
import { registrationInputOf } from './registrationInput';
import { uniqueAttachmentNames } from '../../../domain/src/attachmentNames';
import { checkReceiptDate } from '../../../domain/src/receiptDate';
import { voidAfterFailure } from './voidNumber';
import { afterRegistration, originalOf } from './conversation/linkMessage';
import { withUnsentNotices } from '../letters/staffNotice';

/**
 * The dry run needs some number; the real one is taken only after it passed. Never the related complaint's own
 * number, or a repeat of K-YYYY-0001 would look like a complaint referring to itself.
 */
function placeholderNumber(year: number, related: string | undefined): ComplaintNumber {
  const last = formatComplaintNumber(year, MAX_SEQUENCE);
  return related === last ? formatComplaintNumber(year, MAX_SEQUENCE - 1) : last;
}

/** Attachment limits: Outlook's own attachment limit is of this order, and it keeps the register lean. */
export const maxAttachmentBytes = 25 * 1024 * 1024;
export const maxAttachmentsTotalBytes = 50 * 1024 * 1024;

/** A claim older than this was abandoned (its request died); another request may finish the registration. */
const abandonedClaimMs = 30_000;

export interface RegistrationResult {
  doc: ComplaintDocument;
  etag: string;
  created: boolean;
  /** A new complaint as written, with its outbox rows: the acknowledgement attempt needs no read. */
  known?: WrittenComplaint<ComplaintDocument>;
}

/** Which request field a registration refusal is about, so the pane can show it next to that field. */
const refusalField: Partial<Record<Refusal['reason'], string>> = {
  termSyntax: 'handlingTerm',
  termTooShort: 'handlingTerm',
  termTooLong: 'handlingTerm',
  dateInFuture: 'message.receivedAt',
  receivedBeforeStart: 'message.receivedAt',
  aroseAfterReceipt: 'issueAroseOn',
  notLate: 'issueAroseOn',
  relatedComplaintMissing: 'admissibility.relatedComplaint',
};

export function refusalError(refusal: Refusal): AppError {
  const field = refusalField[refusal.reason];
  return field
    ? validationError(refusal.message, [{ field, message: refusal.message }])
    : new AppError('conflict', refusal.reason, refusal.message);
}

export function procedureContext(services: ProcedureDeps): ProcedureContext {
  return {
    today: toAmsterdamDate(services.clock.now()),
    calendar: services.procedure.calendar,
    settings: services.procedure.settings,
  };
}

/**
 * R15: the handler who registers a complaint is its "verantwoordelijke". An employee without that role only
 * passes the complaint on: it goes to the complaints team (the complaints mailbox) until a handler takes it.
 */
function defaultHandler(
  services: RegisterComplaintDeps,
  principal: Principal,
): { name: string; address: string } {
  if (can(principal, 'handle'))
    return { name: principal.name || principal.address, address: principal.address };
  return { name: 'Klachtenteam', address: services.config.graph.mailbox };
}

/** How long a second registration of the same e-mail waits for the first to finish: about ten seconds. */
const claimWait: RetryPolicy = { attempts: 100, baseDelayMs: 50, maxDelayMs: 200 };
const stillRegistering = (): never => {
  throw new AppError(
    'unavailable',
    'registration-in-progress',
    'Deze e-mail wordt op dit moment al geregistreerd. Probeer het over een minuut opnieuw.',
  );
};

/**
 * Registers an e-mail as a complaint (R1, R2, R4, R5). Exactly once per e-mail, also when requests race:
 * the e-mail's key row decides who registers; the others answer with that complaint. A registration that
 * died half-way is finished by the next attempt with the same complaint id and number, so numbers stay
 * gapless and nothing is left half-written.
 */
export async function registerComplaint(
  services: RegisterComplaintDeps,
  principal: Principal,
  request: ParsedRegistrationRequest,
): Promise<RegistrationResult> {
  if (!can(principal, 'register')) {
    throw new AppError('forbidden', 'forbidden', 'U mag geen klachten registreren.');
  }
  const now = services.clock.now();
  const ctx = procedureContext(services);
  const message = request.message;
  // Two attachments with the same name each get a name of their own, so each can be downloaded by name.
  const names = uniqueAttachmentNames((message.attachments ?? []).map((a) => a.name));
  const attachments = (message.attachments ?? []).map((a, i) => ({
    ...a,
    name: names[i] ?? a.name,
    bytes: Buffer.from(a.contentBase64, 'base64'),
  }));
  const tooBig = attachments.find((a) => a.bytes.length > maxAttachmentBytes);
  if (tooBig) {
    throw new AppError(
      'payloadTooLarge',
      'attachment-too-large',
      'Een bijlage is groter dan 25 MB. Sla die bijlage apart op en registreer de klacht zonder.',
    );
  }
  if (attachments.reduce((sum, a) => sum + a.bytes.length, 0) > maxAttachmentsTotalBytes) {
    throw new AppError(
      'payloadTooLarge',
      'attachments-too-large',
      'De bijlagen zijn samen groter dan 50 MB. Registreer de klacht zonder de grootste bijlagen.',
    );
  }

  const input = registrationInputOf(request, defaultHandler(services, principal));
  if (
    request.category !== undefined &&
    !services.procedure.settings.causeCategories.includes(request.category)
  ) {
    const message = `Kies een categorie uit de lijst: ${services.procedure.settings.causeCategories.join(', ')}.`;
    throw validationError(message, [{ field: 'category', message }]);
  }
  const refusal =
    checkReceiptDate(input.receivedOn, services.config.organisationStart) ??
    checkRegistration({ ...input, attachments: [] }, ctx);
  if (refusal) throw refusalError(refusal);
  if (input.admissibility?.relatedComplaint !== undefined)
    await checkRelatedComplaint(services.index, input.complainant, input.admissibility.relatedComplaint);
  const year = Number(ctx.today.slice(0, 4));
  // Everything that can refuse deterministically is checked before a number is taken: the checks above (once),
  // then a dry run of the domain with the attachments as they will be stored. What can still fail after
  // numbering is storage itself.
  const dryRun = buildCheckedComplaint(
    {
      ...input,
      number: placeholderNumber(year, input.admissibility?.relatedComplaint),
      attachments: attachments.map((a) => ({
        name: a.name,
        contentType: a.contentType,
        size: a.bytes.length,
        blobName: `${'0'.repeat(36)}/attachments/${attachments.length}-${a.name}`,
      })),
    },
    ctx,
  );
  if (!dryRun.ok) throw refusalError(dryRun);

  const messageKey = messageKeyOf(message.internetMessageId);
  const newId: string = randomUUID();
  // The e-mail is claimed for a new id (which holds no number yet), or another request's complaint is found, or
  // an abandoned registration is taken over (its id may hold a number); a claim still being registered is
  // waited for.
  const owned = await retry(
    async (): Promise<RegistrationResult | { complaintId: string; fresh: boolean } | TryAgain> => {
      const claim = await services.complaints.claimMessage(messageKey, newId, now);
      if (claim.claimed) return { complaintId: newId, fresh: true };
      const existing = await services.complaints.get(claim.complaintId);
      if (existing) {
        // Registering again is how a client retries: repair the index in case the first attempt could not.
        await refreshIndex(services.index, existing.doc);
        if (can(principal, 'read'))
          await services.complaints.audit(existing.doc.id, [auditEntry(now, principal, 'read')]);
        return { doc: existing.doc, etag: existing.etag, created: false };
      }
      const age = services.clock.now().getTime() - claim.claimedAt.getTime();
      if (age > abandonedClaimMs && (await services.complaints.renewClaim(messageKey, claim.etag, now)))
        return { complaintId: claim.complaintId, fresh: false };
      return tryAgain;
    },
    { ...claimWait, exhausted: stillRegistering },
  );
  if ('doc' in owned) return owned;
  const { complaintId, fresh } = owned;
  // The original from the mailbox, for the evidence written once the complaint exists (best effort).
  const original = originalOf(services.conversation, message).catch(() => ({
    mime: undefined,
    graphId: undefined,
  }));

  // The files are stored under the claimed id and do not depend on the number: side by side with numbering.
  // They become part of the register only with the complaint's transaction, which waits for both.
  const stored = storeFiles().then(
    (refs) => ({ ok: true as const, refs }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  let sequence: number;
  try {
    sequence = await services.complaints.allocateNumber(year, complaintId, { fresh });
  } catch (error) {
    // No number was taken, so nothing to void: only the files of this attempt go (the claim stays, as before).
    if ((await stored).ok) await services.files.deleteComplaintFiles(complaintId).catch(() => undefined);
    throw error;
  }
  try {
    const files = await stored;
    if (!files.ok) throw files.error;
    return await writeComplaint(files.refs);
  } catch (error) {
    await voidAfterFailure(services, { year, sequence, complaintId, messageKey, error });
    throw error;
  }

  async function storeFiles(): Promise<AttachmentRef[]> {
    const refs = await Promise.all(
      attachments.map(async (a, index): Promise<AttachmentRef> => {
        const blobName = await services.files.putAttachment(
          complaintId,
          index,
          a.name,
          a.contentType,
          a.bytes,
        );
        return { name: a.name, contentType: a.contentType, size: a.bytes.length, blobName };
      }),
    );
    const { attachments: _omitted, mimeBase64: _mime, ...original } = message;
    await services.files.putOriginalMessage(complaintId, { ...original, attachments: refs });
    return refs;
  }

  async function writeComplaint(refs: AttachmentRef[]): Promise<RegistrationResult> {
    const result = buildCheckedComplaint(
      { ...input, number: formatComplaintNumber(year, sequence), attachments: refs },
      ctx,
    );
    if (!result.ok) throw refusalError(result);
    const built: ComplaintDocument = {
      id: complaintId,
      year,
      registeredAt: now.toISOString(),
      registeredBy: { id: principal.id, name: principal.name },
      message: {
        internetMessageId: message.internetMessageId,
        conversationId: message.conversationId,
        ...(message.restItemId ? { restItemId: message.restItemId } : {}),
        subject: message.subject,
        from: message.from,
        receivedAt: message.receivedAt,
      },
      state: result.state,
      ...(request.category ? { category: request.category } : {}),
      actors: Object.fromEntries(result.state.timeline.map((t) => [String(t.seq), principal.name])),
    };
    const rows = [auditRow(now, principal, 'registered'), ...outboxRows(built, result.effects, now)];
    const doc = withUnsentNotices(built, rows);
    const outcome = await services.complaints.create(doc, rows);
    // Written before by an attempt that died after its transaction: that complaint is the truth, read it once.
    const stored =
      outcome.outcome === 'created'
        ? { doc, etag: outcome.etag }
        : await services.complaints.get(complaintId);
    if (!stored)
      throw new AppError(
        'unavailable',
        'storage',
        'De klacht kon niet worden opgeslagen. Probeer het opnieuw.',
      );
    // The index and the e-mail's bookkeeping (conversation claimed, off the unreviewed list, the original as
    // evidence, the category) touch different rows: side by side. Best effort, never failing the registration.
    await Promise.all([
      refreshIndex(services.index, stored.doc),
      afterRegistration(services.conversation, stored.doc, message, original).catch(() => undefined),
    ]);
    const records =
      outcome.outcome === 'created' ? writtenOutbox(stored.doc.id, rows, outcome.rowEtags) : undefined;
    const known = records ? { stored, records } : undefined;
    return {
      doc: stored.doc,
      etag: stored.etag,
      created: outcome.outcome === 'created',
      ...(known ? { known } : {}),
    };
  }
}

/** The outbox rows just written, as the letter sender reads them; undefined when the write gave no ETag for one. */
function writtenOutbox(
  complaintId: string,
  rows: readonly SideRow[],
  etags: readonly string[],
): OutboxRecord[] | undefined {
  const records = rows.flatMap((row, i): OutboxRecord[] =>
    row.kind === 'outbox' ? [{ complaintId, key: row.key, etag: etags[i] ?? '', data: row.data }] : [],
  );
  return records.every((r) => r.etag !== '') ? records : undefined;
}
