import { AGREEMENT_LABELS } from '../../../domain/src/complaintState';
import type { LocalDate } from '../../../domain/src/localDate';
import { deadlineReport, type DeadlineReport } from '../../../domain/src/pendingDeadlines';
import { REGISTER_FIELD_LABELS, toRegisterRecord } from '../../../domain/src/registerRecord';
import type { Cell } from '../app/ports/xlsxWriter';
import { CLOSED_AS_LABELS, DEADLINE_OUTCOME_LABELS, handlingTermLabel } from './dutchLabels';
import { statisticsOf, type RegisterItem } from './registerSource';

const CLOSED_AS: Record<string, string> = CLOSED_AS_LABELS;
const OUTCOME = DEADLINE_OUTCOME_LABELS;
const ERASED = '(geanonimiseerd, R3)';

/** The export's columns, in order (Dutch headers: the auditor reads them). */
export const EXPORT_HEADERS = [
  'nummer',
  'status',
  'ontvangen op',
  'geregistreerd op',
  'ontvangst bevestigd op',
  'afgesloten op',
  'afgesloten als',
  REGISTER_FIELD_LABELS.description,
  REGISTER_FIELD_LABELS.complainantName,
  REGISTER_FIELD_LABELS.handler,
  REGISTER_FIELD_LABELS.solution,
  REGISTER_FIELD_LABELS.agreement,
  'gewenste oplossing',
  'gegrond',
  'te laat ingediend (R2)',
  'behandeltermijn',
  'ontvangstbevestiging uiterlijk',
  'ontvangstbevestiging tijdig',
  'afhandeling uiterlijk',
  'afhandeling tijdig',
  'verlenging(en): bericht uiterlijk',
  'verlengingsbericht tijdig',
  'voorgelegd aan directeur op',
  'reactie directeur uiterlijk',
  'reactie directeur tijdig',
  'verwezen naar onafhankelijke derde op',
  'bindende uitspraak op',
  'oorzaken',
  'maatregelen',
  'klager geïnformeerd op',
] as const;

const date = (d: LocalDate | undefined): Cell => (d === undefined ? null : { date: d });
const join = (parts: readonly string[]): Cell => (parts.length === 0 ? null : parts.join(' | '));

function deadlineCells(reports: readonly DeadlineReport[], name: DeadlineReport['deadline']): [Cell, Cell] {
  const of = reports.filter((r) => r.deadline === name);
  if (of.length === 0) return [null, null];
  if (of.length === 1 && of[0]) return [date(of[0].due), OUTCOME[of[0].outcome]];
  return [join(of.map((r) => r.due)), join(of.map((r) => OUTCOME[r.outcome]))];
}

/**
 * One row per complaint with every R11 field, the dates, each deadline and whether it was met, escalation,
 * third party, causes and measures (R16: the register export an auditor asks for). Erased complaints (R3) keep
 * their numbers, dates and outcomes; their personal fields read "geanonimiseerd".
 */
export function exportRows(items: readonly RegisterItem[], today: LocalDate): Cell[][] {
  const rows: Cell[][] = [[...EXPORT_HEADERS]];
  for (const item of items) {
    const stats = statisticsOf(item, today);
    const reports = item.kind === 'living' ? deadlineReport(item.doc.state, today) : stats.deadlineOutcomes;
    const state = item.kind === 'living' ? item.doc.state : undefined;
    const record = state ? toRegisterRecord(state) : undefined;
    const [ackBy, ackMet] = deadlineCells(reports, 'acknowledgeBy');
    const [resolveBy, resolveMet] = deadlineCells(reports, 'resolveBy');
    const [noticeBy, noticeMet] = deadlineCells(reports, 'extensionNoticeBy');
    const [respondBy, respondMet] = deadlineCells(reports, 'escalationResponseBy');
    const escalatedOn = state ? state.escalations.map((e) => e.on) : [];
    const agreement = stats.agreement ? AGREEMENT_LABELS[stats.agreement] : null;
    rows.push([
      stats.number,
      stats.status === 'open' ? 'open' : 'afgesloten',
      date(stats.receivedOn),
      date(stats.registeredOn),
      date(stats.acknowledgedOn),
      date(stats.closedOn),
      stats.closedAs ? (CLOSED_AS[stats.closedAs] ?? stats.closedAs) : null,
      record ? record.description : ERASED,
      record ? record.complainantName : ERASED,
      record ? record.handlerName : ERASED,
      record ? (record.solution ?? null) : ERASED,
      agreement,
      record ? (record.remedy ?? null) : ERASED,
      stats.wellFounded ?? null,
      stats.late ? 'ja' : 'nee',
      handlingTermLabel(stats.term),
      ackBy,
      ackMet,
      resolveBy,
      resolveMet,
      noticeBy,
      noticeMet,
      state ? join(escalatedOn) : stats.escalationCount > 0 ? `${stats.escalationCount}×` : null,
      respondBy,
      respondMet,
      date(stats.thirdPartyReferredOn),
      date(stats.bindingRulingOn),
      state ? join(state.causes.map((c) => `${c.category}: ${c.text}`)) : join(stats.causeCategories),
      state
        ? join(state.measures.map((m) => `${m.description} (eigenaar ${m.owner}, uiterlijk ${m.dueOn})`))
        : join(stats.measures.map((m) => `uiterlijk ${m.dueOn}`)),
      join(stats.complainantInformedOn),
    ]);
  }
  return rows;
}
