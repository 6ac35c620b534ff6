import { randomUUID } from 'node:crypto';

/** RowKey for an audit row: time-ordered, unique even within the same millisecond. */
export const auditKey = (at: Date): string => `${at.toISOString()}-${randomUUID().slice(0, 8)}`;
