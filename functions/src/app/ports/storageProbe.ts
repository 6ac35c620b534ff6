/** Whether storage answers at all; used by the health endpoint. */
export interface StorageProbe {
  ping(): Promise<void>;
}
