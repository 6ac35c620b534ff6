import { formatComplaintNumber } from '../../../domain/src/complaintNumber';
import { REGISTER_FIELD_LABELS } from '../../../domain/src/registerRecord';
import { VOID_LABEL, type VoidedNumber } from '../app/ports/numberLedger';
import type { Cell } from '../app/ports/xlsxWriter';
import { EXPORT_HEADERS } from './registerExport';

/**
 * Void numbers ("vervallen") take their place in the export, so the auditor sees a complete sequence with the
 * reason and time for each number that has no complaint. Rows after the header are in number order.
 */
export function withVoidedRows(rows: readonly Cell[][], voided: readonly VoidedNumber[]): Cell[][] {
  const [header, ...body] = rows;
  const descriptionColumn = EXPORT_HEADERS.indexOf(REGISTER_FIELD_LABELS.description);
  const voidRows = voided.map((v): Cell[] => {
    const row: Cell[] = EXPORT_HEADERS.map((): Cell => null);
    row[0] = formatComplaintNumber(v.year, v.sequence);
    row[1] = VOID_LABEL;
    row[3] = v.voidedAt.slice(0, 10);
    row[descriptionColumn] = v.reason;
    return row;
  });
  // The first cell is always the number text (K-2026-0001), which sorts as the sequence does.
  const numberOf = (row: readonly Cell[]): string => (typeof row[0] === 'string' ? row[0] : '');
  const all = [...body, ...voidRows].sort((a, b) => numberOf(a).localeCompare(numberOf(b)));
  return header ? [header, ...all] : all;
}
