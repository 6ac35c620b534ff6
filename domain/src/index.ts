/**
 * The procedure engine: the complaints procedure (docs/procedure.md, R1–R17) as pure functions over plain data.
 * Everything here is deterministic: today's date, the working-day calendar and the settings are arguments.
 * See docs/procedure.md for which rule lives where.
 */
export {
  type LocalDate,
  MIN_YEAR,
  MAX_YEAR,
  isLocalDate,
  localDate,
  localDateOf,
  partsOf,
  toEpochDay,
  fromEpochDay,
  isoWeekday,
  addDays,
  daysBetween,
  compareLocalDates,
  maxLocalDate,
  toAmsterdamDate,
  formatDutchDate,
  daysInMonth,
  isLeapYear,
} from './localDate';
export {
  type CalendarSettings,
  type LiberationDaySetting,
  type NonWorkingReason,
  type DayOff,
  type WorkingDayCalendar,
  DEFAULT_CALENDAR_SETTINGS,
  createWorkingDayCalendar,
  kingsDay,
  easterSunday,
} from './workingDayCalendar';
export { addCalendarMonths, addCalendarWeeks, addCalendarYears } from './calendarArithmetic';
export {
  type HandlingTerm,
  type HandlingTermUnit,
  STANDARD_TERMS,
  DEFAULT_TERM,
  parseHandlingTerm,
  addHandlingTerm,
  checkHandlingTerm,
} from './handlingTerm';
export {
  ACKNOWLEDGE_WORKING_DAYS,
  EXTENSION_NOTICE_WORKING_DAYS,
  ESCALATION_RESPONSE_MONTHS,
  MIN_RETENTION_YEARS,
  acknowledgeBy,
  resolveBy,
  extensionNoticeBy,
  escalationResponseBy,
  retainUntil,
  assertRetentionYears,
  isDeadlineMet,
} from './deadlines';
export {
  type ComplaintNumber,
  MAX_SEQUENCE,
  formatComplaintNumber,
  parseComplaintNumber,
  isComplaintNumber,
  complaintNumber,
} from './complaintNumber';
export {
  type ComplaintSummary,
  type RepeatCandidate,
  LATE_WINDOW_DAYS,
  SUBJECT_SIMILARITY_THRESHOLD,
  lateWindowEndsOn,
  isLate,
  findRepeatCandidates,
  stripReplyPrefixes,
  normaliseText,
  normaliseName,
  subjectTokens,
  subjectSimilarity,
} from './admissibility';
export {
  type ThirdParty,
  type ProcedureSettings,
  DEFAULT_CAUSE_CATEGORIES,
  procedureSettingsSchema,
  defaultProcedureSettings,
} from './settings';
export {
  localDateSchema,
  complaintNumberSchema,
  partySchema,
  emailAddressSchema,
  textSchema,
} from './schemas';
export { type EmailAddress, parseEmailAddress, sameEmailAddress } from './emailAddress';
export {
  type Step,
  type StepInput,
  type StepType,
  type StepOf,
  stepSchema,
  STEP_TYPES,
  STEP_LABELS,
  parseStep,
} from './steps';
export {
  type Party,
  type AttachmentRef,
  type ComplaintStatus,
  type ClosedAs,
  type Agreement,
  type DeadlineName,
  type Deadlines,
  type LetterKind,
  type LetterRecord,
  type Extension,
  type Escalation,
  type Proposal,
  type Cause,
  type Measure,
  type TimelineEntry,
  type ComplaintState,
  AGREEMENT_LABELS,
} from './complaintState';
export { type Letter, type Effect } from './effects';
export { type RefusalReason, type Refusal, REFUSAL_REASONS } from './refusal';
export { type ProcedureContext, type StepResult } from './procedureContext';
export {
  type Registration,
  type RegisterComplaintInput,
  registrationSchema,
  registerComplaintInputSchema,
  attachmentRefSchema,
  checkRegistration,
  registerComplaint,
} from './registerComplaint';
export {
  STEPS_AFTER_CLOSING,
  applyStep,
  allowedSteps,
  explainSteps,
  reactionDeadline,
  recordLetterSent,
} from './lifecycle';
export { nextSteps, type NextStep, type NextStepDeadline } from './nextSteps';
export {
  type PendingDeadline,
  type DeadlineOutcome,
  type DeadlineReport,
  pendingDeadlines,
  retentionDue,
  deadlineReport,
} from './pendingDeadlines';
export {
  type RegisterField,
  type RegisterRecord,
  REGISTER_FIELD_LABELS,
  solutionOf,
  missingRegisterFields,
  toRegisterRecord,
  summaryOf,
} from './registerRecord';
export {
  type ComplaintStatistics,
  type AnonymisedComplaint,
  toStatistics,
  erasureRefusal,
  isErasable,
  anonymise,
} from './anonymise';
