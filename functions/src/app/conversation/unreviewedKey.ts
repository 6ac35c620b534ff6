import { createHash } from 'node:crypto';

/** An unreviewed e-mail's id in the API: the SHA-256 of its internetMessageId. */
export const unreviewedKeyOf = (internetMessageId: string): string =>
  createHash('sha256').update(internetMessageId.trim()).digest('hex');
