import type { LocalDate } from '../../../../domain/src/localDate';

/** A cell of a report table: text, a number, a date (typed in XLSX) or empty. */
export type Cell = string | number | { date: LocalDate } | null;

export interface Sheet {
  /** ≤ 31 characters, no `[]:*?/\`. */
  name: string;
  rows: readonly (readonly Cell[])[];
}

/** The XLSX port: the adapter (`adapters/xlsxWriter.ts`) writes OOXML; a library could replace it. */
export interface XlsxWriter {
  write(sheets: readonly Sheet[]): Buffer;
}
