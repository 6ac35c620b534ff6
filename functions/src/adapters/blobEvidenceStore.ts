import { createHash } from 'node:crypto';
import type { ContainerClient } from '@azure/storage-blob';
import type { EvidenceStore } from '../app/ports/mailboxPorts';

/**
 * The originals (MIME) as evidence: `<complaint id>/originals/<name>.eml`, written once (a second write of the
 * same name keeps the first), with the SHA-256 of the bytes as blob metadata so that anyone can check them.
 */
export function createBlobEvidenceStore(containerOf: () => Promise<ContainerClient>): EvidenceStore {
  return {
    async putOriginal(complaintId, name, mime) {
      const container = await containerOf();
      const sha256 = createHash('sha256').update(mime).digest('hex');
      const blobName = `${complaintId}/originals/${name}.eml`;
      try {
        await container.getBlockBlobClient(blobName).uploadData(mime, {
          blobHTTPHeaders: { blobContentType: 'message/rfc822' },
          metadata: { sha256 },
          conditions: { ifNoneMatch: '*' },
        });
      } catch (error) {
        // Already kept (a retry): the stored bytes stay the evidence.
        if ((error as { statusCode?: number }).statusCode !== 409) throw error;
        const props = await container.getBlobClient(blobName).getProperties();
        return {
          blobName,
          sha256: props.metadata?.['sha256'] ?? sha256,
          size: props.contentLength ?? mime.length,
        };
      }
      return { blobName, sha256, size: mime.length };
    },
    async getOriginal(blobName) {
      const container = await containerOf();
      try {
        const blob = container.getBlobClient(blobName);
        const bytes = await blob.downloadToBuffer();
        const props = await blob.getProperties();
        return { bytes, sha256: props.metadata?.['sha256'] };
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 404) return undefined;
        throw error;
      }
    },
  };
}
