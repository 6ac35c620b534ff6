import { inflateRawSync } from 'node:zlib';

/** Test helper: the entries of a zip file (as the XLSX writer makes them: deflate or stored, no zip64). */
export function unzip(file: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  const end = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip file');
  const count = file.readUInt16LE(end + 10);
  let p = file.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (file.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const method = file.readUInt16LE(p + 10);
    const size = file.readUInt32LE(p + 20);
    const nameLength = file.readUInt16LE(p + 28);
    const extra = file.readUInt16LE(p + 30);
    const comment = file.readUInt16LE(p + 32);
    const local = file.readUInt32LE(p + 42);
    const name = file.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    const dataStart = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    const data = file.subarray(dataStart, dataStart + size);
    out.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    p += 46 + nameLength + extra + comment;
  }
  return out;
}

export interface XlsxCell {
  ref: string;
  type: 'inlineStr' | 'number' | 'date';
  value: string;
  formula: boolean;
}

const unxml = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The cells of one worksheet part, with their type as the file declares it (style 1 = the date format). */
export function cellsOf(sheetXml: string): XlsxCell[] {
  const cells: XlsxCell[] = [];
  for (const m of sheetXml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)>(.*?)<\/c>/g)) {
    const [, ref = '', attrs = '', inner = ''] = m;
    const formula = /<f[ >]/.test(inner);
    if (/t="inlineStr"/.test(attrs)) {
      cells.push({
        ref,
        type: 'inlineStr',
        value: unxml(/<t[^>]*>(.*?)<\/t>/s.exec(inner)?.[1] ?? ''),
        formula,
      });
    } else {
      const v = /<v>(.*?)<\/v>/.exec(inner)?.[1] ?? '';
      cells.push({ ref, type: /s="1"/.test(attrs) ? 'date' : 'number', value: v, formula });
    }
  }
  return cells;
}
