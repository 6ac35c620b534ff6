import { saveFile } from '../conversation/saveFile';

/**
 * Shows a document the API answered (the yearly report's HTML) in a new window; where the host allows no new
 * window, it is saved as a file instead, so the director always gets it.
 */
export function openDocument(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const opened = window.open(url, '_blank');
  if (!opened) {
    URL.revokeObjectURL(url);
    saveFile(blob, fileName);
    return;
  }
  // The new window has loaded the document by then; the URL is not needed any more.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
