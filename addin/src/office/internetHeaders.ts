/**
 * Reads one header out of the block `getAllInternetHeadersAsync` answers (RFC 5322: folded lines continue
 * with whitespace). Pure, so it is tested without Outlook.
 */
export function headerValue(headers: string, name: string): string | undefined {
  const unfolded = headers.replace(/\r?\n[ \t]+/g, ' ');
  const wanted = name.toLowerCase();
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === wanted) {
      const value = line.slice(colon + 1).trim();
      return value || undefined;
    }
  }
  return undefined;
}

/** The message id In-Reply-To names (`<…@…>`), when there is one. */
export function inReplyToOf(headers: string): string | undefined {
  const value = headerValue(headers, 'In-Reply-To');
  return value ? (/<[^<>\s]+>/.exec(value)?.[0] ?? undefined) : undefined;
}
