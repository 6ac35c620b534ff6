/** Where the original e-mail and its attachments are kept (Blob Storage in production). */
export interface FileStore {
  /** Stores one attachment and answers its storage name. Idempotent for the same complaint and index. */
  putAttachment(
    complaintId: string,
    index: number,
    name: string,
    contentType: string,
    content: Buffer,
  ): Promise<string>;
  /** Keeps the original message as received (R1). */
  putOriginalMessage(complaintId: string, message: unknown): Promise<void>;
  getFile(
    blobName: string,
  ): Promise<{ content: NodeJS.ReadableStream; contentType: string; size: number } | undefined>;
  deleteComplaintFiles(complaintId: string): Promise<number>;
}
