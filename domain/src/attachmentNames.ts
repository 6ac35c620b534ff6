/**
 * An e-mail may carry two attachments with the same name (two scans called `scan.pdf`). A complaint's attachments
 * are downloaded by name, so each gets a name of its own: the first keeps its name, later ones get ` (2)`,
 * ` (3)`… before the extension, as a file manager would. Names are compared case-insensitively, because the
 * file system they are saved to often is.
 */
export function uniqueAttachmentNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** Names Windows refuses for a file, whatever the extension. */
const reservedNames = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * A name that is safe as a file name inside an archive on any system: no path (slashes, `..`), none of
 * `\ / : * ? " < > |`, no control characters, no leading or trailing dots or spaces, no reserved device name,
 * at most 120 characters with the extension kept. What the text policy admitted is still shown as it was; only
 * the name inside the archive changes.
 */
export function safeFileName(name: string, fallback = 'bestand'): string {
  // eslint-disable-next-line no-control-regex
  let safe = name.replace(/[\u0000-\u001f\u007f-\u009f\\/:*?"<>|]/g, '_').replace(/^[\s.]+|[\s.]+$/g, '');
  if (safe === '') safe = fallback;
  if (reservedNames.test(safe)) safe = `_${safe}`;
  if (safe.length > 120) {
    const dot = safe.lastIndexOf('.');
    const ext = dot > 0 && safe.length - dot <= 10 ? safe.slice(dot) : '';
    safe = safe.slice(0, 120 - ext.length) + ext;
  }
  return safe;
}
