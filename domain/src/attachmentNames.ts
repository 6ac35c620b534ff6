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
