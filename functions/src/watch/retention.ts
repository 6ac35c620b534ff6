import { anonymise, type AnonymisedComplaint } from '../../../domain/src/anonymise';
import { toAmsterdamDate } from '../../../domain/src/localDate';
import type { Clock } from '../app/ports/clock';
import type { ComplaintDocument } from '../app/complaintDocument';
import { allOf, indexEntryOf, statisticsProperty } from '../app/indexEntry';
import type { ComplaintIndex, IndexEntry } from '../app/ports/complaintIndex';
import type { FileStore } from '../app/ports/fileStore';
import type { ComplaintStore } from '../app/ports/complaintStore';
import { auditRow } from '../app/sideRows';
import type { ComplaintArchive } from '../app/ports/complaintArchive';
import type { WatchStore } from '../app/ports/watchStore';

export interface RetentionDeps {
  index: ComplaintIndex;
  complaints: ComplaintStore<ComplaintDocument>;
  archive: ComplaintArchive;
  files: FileStore;
  watch: WatchStore;
  clock: Clock;
  log?: (line: string) => void;
}

export interface RetentionReport {
  candidates: number;
  anonymised: number;
  /** Refused by the domain (a legal hold appeared, or the index was stale) or changed meanwhile. */
  kept: number;
}

/**
 * The index row of an erased complaint: no name, address or subject; still counted by year and status, with the
 * archived statistical record (without it, the yearly analysis reads the archive).
 */
export function anonymisedEntry(entry: IndexEntry, record: AnonymisedComplaint | undefined): IndexEntry {
  const { statistics: _living, ...rest } = entry;
  return {
    ...rest,
    ...(record ? statisticsProperty(JSON.stringify(record)) : {}),
    handlerAddress: '',
    handlerName: '',
    complainantAddress: '',
    complainantName: '',
    complainantDisplayName: '',
    subject: '',
    // The search rows go with the personal fields: an erased complaint is found by nothing.
    searchKeys: '',
    pending: '',
    retainUntil: '',
    unsentLetters: 0,
    unsentNotices: 0,
    failedLetters: 0,
    anonymised: true,
    // Final: no later write of an older version may bring personal data back into the index.
    version: Number.MAX_SAFE_INTEGER,
  };
}

/**
 * R3, daily: every closed complaint whose `retainUntil` has passed and that has no legal hold (a pending
 * third-party procedure, R13) is replaced by its statistical record. The attachments and the original e-mail
 * are deleted first (idempotent: a run that dies afterwards simply finds the complaint again tomorrow), then
 * the document, its letters and an audit row change in one transaction, then the index row loses its
 * personal fields. The count goes into the weekly summary.
 */
export async function runRetention(deps: RetentionDeps): Promise<RetentionReport> {
  const now = deps.clock.now();
  const today = toAmsterdamDate(now);
  const candidates = await allOf(deps.index, { status: 'closed', retainBefore: today });
  const report: RetentionReport = { candidates: candidates.length, anonymised: 0, kept: 0 };
  for (const entry of candidates) {
    const stored = await deps.complaints.get(entry.id);
    if (!stored) {
      // Anonymised by an earlier run that stopped before it could clear the index row: clear it now.
      const record = await deps.archive.getRecord(entry.id);
      if (record) {
        await deps.index.put(anonymisedEntry(entry, record));
        report.anonymised++;
      }
      continue;
    }
    const result = anonymise(stored.doc.state, today);
    if (!result.ok) {
      // The domain has the last word (e.g. a legal hold the index did not show): repair the index row.
      await deps.index.put(indexEntryOf(stored.doc));
      report.kept++;
      continue;
    }
    const files = await deps.files.deleteComplaintFiles(entry.id);
    const audit = auditRow(
      now,
      'system',
      'anonymised',
      `R3: persoonsgegevens gewist, ${files} bestand(en) verwijderd`,
    );
    if (audit.kind !== 'audit') continue;
    if (!(await deps.archive.anonymise(entry.id, stored.etag, result.record, audit.data))) {
      report.kept++;
      continue;
    }
    await deps.index.put(anonymisedEntry(indexEntryOf(stored.doc), result.record));
    report.anonymised++;
  }
  if (report.anonymised > 0) await deps.watch.addCount('anonymised', today, report.anonymised, now);
  deps.log?.(`retention: ${report.candidates} due, ${report.anonymised} anonymised, ${report.kept} kept`);
  return report;
}
