import { escapeHtml } from '../common/escape';

/**
 * A staff mail as a complete HTML document: `<head>` with the charset and a title (some clients show the title,
 * and without a charset an accent can turn into mojibake), then the body in the house font.
 */
export function mailDocument(title: string, bodyHtml: string): string {
  return (
    `<!doctype html><html lang="nl"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title></head>` +
    `<body style="font-family:Segoe UI,Arial,sans-serif;font-size:14px">${bodyHtml}</body></html>`
  );
}
