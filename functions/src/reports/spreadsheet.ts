import type { Cell } from '../app/ports/xlsxWriter';

/**
 * Characters that make a spreadsheet treat a cell as a formula (or, for tab and CR, shift it into one):
 * OWASP "CSV injection". A text cell starting with one is prefixed with an apostrophe, which Excel and
 * LibreOffice show as plain text.
 */
const formulaStart = /^[=+\-@\t\r]/;

export function neutralise(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

function csvCell(cell: Cell): string {
  if (cell === null) return '';
  const text =
    typeof cell === 'number' ? String(cell) : typeof cell === 'string' ? neutralise(cell) : cell.date;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV as Dutch Excel opens it by double-click: UTF-8 with a byte order mark (or the accents break), `;` as the
 * separator (the comma is the decimal sign), CRLF line ends, dates as `YYYY-MM-DD`, formulas neutralised.
 */
export function toCsv(rows: readonly (readonly Cell[])[]): Buffer {
  const text = rows.map((r) => r.map(csvCell).join(';')).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
