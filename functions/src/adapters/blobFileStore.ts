import type { ContainerClient } from '@azure/storage-blob';
import type { FileStore } from '../app/ports/fileStore';

/** Blob names never contain the original file name's path characters; the name is kept as metadata too. */
const safe = (name: string): string => name.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200);

export function createBlobFileStore(containerOf: () => Promise<ContainerClient>): FileStore {
  return {
    async putAttachment(complaintId, index, name, contentType, content) {
      const container = await containerOf();
      const blobName = `${complaintId}/attachments/${index}-${safe(name)}`;
      await container.getBlockBlobClient(blobName).uploadData(content, {
        blobHTTPHeaders: { blobContentType: contentType },
      });
      return blobName;
    },
    async putOriginalMessage(complaintId, message) {
      const container = await containerOf();
      const body = Buffer.from(JSON.stringify(message), 'utf8');
      await container.getBlockBlobClient(`${complaintId}/message.json`).uploadData(body, {
        blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8' },
      });
    },
    async getFile(blobName) {
      const container = await containerOf();
      const blob = container.getBlobClient(blobName);
      try {
        const download = await blob.download();
        if (!download.readableStreamBody) return undefined;
        return {
          content: download.readableStreamBody,
          contentType: download.contentType ?? 'application/octet-stream',
          size: download.contentLength ?? 0,
        };
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 404) return undefined;
        throw error;
      }
    },
    async deleteComplaintFiles(complaintId) {
      const container = await containerOf();
      let count = 0;
      for await (const blob of container.listBlobsFlat({ prefix: `${complaintId}/` })) {
        await container.deleteBlob(blob.name, { deleteSnapshots: 'include' });
        count++;
      }
      return count;
    },
  };
}
