import { toAmsterdamDate } from '../../../domain/src/localDate';
import type { Clock } from '../app/ports/clock';
import type { NumberLedger } from '../app/ports/numberLedger';
import type { WatchStore } from '../app/ports/watchStore';
import type { RegisterSourceDeps } from './registerSource';
import { validationError } from '../common/errors';
import type { Principal } from '../common/principal';
import { exportRows } from './registerExport';
import { withVoidedRows } from './voidedRows';
import { loadYear } from './registerSource';
import { parseYear, requireDirector } from './reportAccess';
import { toCsv } from './spreadsheet';
import type { XlsxWriter } from '../app/ports/xlsxWriter';
import { mapLimit } from '../common/boundedConcurrency';

export interface ExportRegisterDeps extends RegisterSourceDeps {
  clock: Clock;
  watch: WatchStore;
  numbers: NumberLedger;
}

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/**
 * `GET /api/register/export?year=&format=csv|xlsx` (Directeur): the register of one year for an auditor. The
 * export is a read of every complaint in it, so it is audited (on the register and on each complaint).
 */
export async function exportRegister(
  services: ExportRegisterDeps,
  principal: Principal,
  query: { year: string | null; format: string | null },
  xlsx: XlsxWriter,
): Promise<ExportFile> {
  requireDirector(principal);
  const year = parseYear(query.year);
  const format = query.format ?? 'csv';
  if (format !== 'csv' && format !== 'xlsx')
    throw validationError('Kies csv of xlsx.', [{ field: 'format', message: 'csv of xlsx' }]);
  const now = services.clock.now();
  const items = await loadYear(services, year);
  const rows = withVoidedRows(
    exportRows(items, toAmsterdamDate(now)),
    await services.numbers.listVoided(year),
  );
  const at = now.toISOString();
  const who = { at, actorId: principal.id, actorName: principal.name };
  await services.watch.audit({
    ...who,
    action: 'register-export',
    detail: `jaar ${year}, ${format}, ${items.length} klachten`,
  });
  await mapLimit(
    items.filter((i) => i.kind === 'living'),
    16,
    (i) => services.complaints.audit(i.entry.id, [{ ...who, action: 'exported', detail: format }]),
  );
  return format === 'csv'
    ? { fileName: `klachtenregister-${year}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(rows) }
    : {
        fileName: `klachtenregister-${year}.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: xlsx.write([{ name: `Register ${year}`, rows }]),
      };
}
