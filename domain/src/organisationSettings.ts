/**
 * Everything the Directeur may change in the app (the settings view): the procedure's settings plus the two
 * that only the timers use (reminder days, the director's address). Stored versioned; the app settings of a
 * new installation are the first version's defaults until the first save.
 */
import { z } from 'zod';
import { procedureSettingsSchema, type ProcedureSettings } from './settings';

export interface OrganisationSettings extends ProcedureSettings {
  /** Working days before a deadline that the handler gets a reminder (deadline sweep). */
  reminderWorkingDays: number;
  /** Where escalations, overdue notices, the weekly summary and the yearly report go; '' for nobody. */
  directorAddress: string;
}

const address = z
  .string()
  .trim()
  .max(320)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Vul een geldig e-mailadres in.');

export const organisationSettingsSchema = procedureSettingsSchema.extend({
  reminderWorkingDays: z.number().int().min(0).max(20),
  directorAddress: z.union([z.literal(''), address]),
});

/** Validates a settings document and freezes closure days in date order (so two saves compare equal). */
export function normaliseOrganisationSettings(
  input: z.output<typeof organisationSettingsSchema>,
): OrganisationSettings {
  return {
    ...input,
    calendar: { ...input.calendar, closureDays: [...new Set(input.calendar.closureDays)].sort() },
  };
}
