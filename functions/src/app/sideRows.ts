import type { Effect } from '../../../domain/src/effects';
import type { ComplaintDocument } from './complaintDocument';
import type { Principal } from '../common/principal';
import type { AuditEntry, SideRow } from './ports/complaintStore';
import { auditKey } from '../common/auditKey';
import { createHash } from 'node:crypto';
import { staffNoticeRows } from '../letters/staffNotice';
import { queuedLetter } from './ports/outboxEntry';

/** The audit entry of an action: who and what, never the complaint's content. */
export function auditEntry(
  at: Date,
  actor: Principal | 'system',
  action: string,
  detail?: string,
): AuditEntry {
  const who =
    actor === 'system'
      ? { actorId: 'system', actorName: 'systeem' }
      : { actorId: actor.id, actorName: actor.name };
  return { at: at.toISOString(), ...who, action, ...(detail ? { detail } : {}) };
}

/** The same, as a row written in a complaint's transaction. */
export function auditRow(at: Date, actor: Principal | 'system', action: string, detail?: string): SideRow {
  return { kind: 'audit', key: auditKey(at), data: auditEntry(at, actor, action, detail) };
}

/**
 * One outbox row per letter a step queued, written in the step's transaction so that a letter exists exactly
 * when its step does. The key is the letter's sequence number within the complaint: writing it twice fails.
 */
export function outboxRows(doc: ComplaintDocument, effects: readonly Effect[], at: Date): SideRow[] {
  return [...letterRows(doc, effects, at), ...staffNoticeRows(doc, effects, at)];
}

function letterRows(doc: ComplaintDocument, effects: readonly Effect[], at: Date): SideRow[] {
  return effects.flatMap((effect): SideRow[] =>
    effect.type === 'sendLetter'
      ? [
          {
            kind: 'outbox',
            key: String(effect.letter.seq).padStart(4, '0'),
            data: queuedLetter(`${doc.id}:${effect.letter.seq}`, effect.letter, at.toISOString()),
          },
        ]
      : [],
  );
}

/** An e-mail's idempotency key: internetMessageIds can be long and contain characters RowKeys refuse. */
export const messageKeyOf = (internetMessageId: string): string =>
  createHash('sha256').update(internetMessageId.trim()).digest('hex');
