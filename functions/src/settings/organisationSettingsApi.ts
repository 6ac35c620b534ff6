import {
  normaliseOrganisationSettings,
  organisationSettingsSchema,
  type OrganisationSettings,
} from '../../../domain/src/organisationSettings';
import { AppError, validationError } from '../common/errors';
import { fieldErrorsOf, parseOptions } from '../app/fieldErrors';
import { can, type Principal } from '../common/principal';
import type { AuditEntry } from '../app/ports/complaintStore';
import { auditEntry } from '../app/sideRows';
import type { ReapplyDeps } from './reapplySettings';
import { reapplySettings } from './reapplySettings';
import type { SettingsSource } from './settingsSource';
import type { SettingsStore } from '../app/ports/settingsStore';
import type { SavedSettingsView, SettingsView } from '../../../domain/src/api/settings';

export type { SettingsView } from '../../../domain/src/api/settings';

export const settingsEtag = (version: number): string => `"settings-${version}"`;

export interface SettingsDeps {
  source: SettingsSource;
  store: SettingsStore;
  audit: (entry: AuditEntry) => Promise<void>;
  reapply: Omit<ReapplyDeps, 'now'>;
  now: () => Date;
}

function view(v: {
  version: number;
  settings: OrganisationSettings;
  savedAt?: string;
  savedBy?: string;
}): SettingsView {
  return {
    version: v.version,
    etag: settingsEtag(v.version),
    settings: v.settings,
    ...(v.savedAt ? { savedAt: v.savedAt } : {}),
    ...(v.savedBy ? { savedBy: v.savedBy } : {}),
  };
}

/** `GET /api/settings`: handlers and the Directeur (everyone who may read the register). */
export async function readSettings(deps: SettingsDeps, principal: Principal): Promise<SettingsView> {
  if (!can(principal, 'read'))
    throw new AppError(
      'forbidden',
      'forbidden',
      'U mag de instellingen van het klachtenregister niet inzien.',
    );
  return view(await deps.source.refresh({ fresh: true }));
}

/**
 * `PUT /api/settings`: the Directeur only ("may change settings"), on the version the form was based on. The
 * new version is stored beside the earlier ones, audited, applied in this process at once, and then moved
 * onto the pending deadlines of the complaints (see docs/procedure.md, "How a settings change applies").
 */
export async function writeSettings(
  deps: SettingsDeps,
  principal: Principal,
  ifMatch: string | null,
  body: unknown,
): Promise<SavedSettingsView> {
  if (!principal.roles.includes('Directeur'))
    throw new AppError('forbidden', 'forbidden', 'Alleen de directeur mag de instellingen wijzigen.');
  if (!ifMatch)
    throw new AppError(
      'preconditionRequired',
      'if-match-required',
      'Deze wijziging mist de versie van de instellingen (If-Match). Laad de instellingen opnieuw.',
    );
  const parsed = organisationSettingsSchema.safeParse(body, parseOptions);
  if (!parsed.success)
    throw validationError('Niet alle instellingen zijn goed ingevuld.', fieldErrorsOf(parsed.error));
  const settings = normaliseOrganisationSettings(parsed.data);
  const stale = (): AppError =>
    new AppError(
      'preconditionFailed',
      'stale',
      'Iemand anders heeft de instellingen intussen gewijzigd. Laad ze opnieuw; uw invoer blijft bewaard.',
    );
  const before = await deps.source.refresh({ fresh: true });
  if (ifMatch !== settingsEtag(before.version)) throw stale();
  const now = deps.now();
  const next = {
    version: before.version + 1,
    settings,
    savedAt: now.toISOString(),
    savedBy: principal.name,
  };
  if ((await deps.store.save(next, before.version)) === 'stale') throw stale();
  const current = deps.source.remember(next);
  await deps.audit(auditEntry(now, principal, 'settings:save', `versie ${next.version}`));
  // Always, not only when the calendar changed: saving again retries complaints a previous save could not write.
  const result = await reapplySettings(
    { ...deps.reapply, now },
    { calendar: current.calendar, retentionYears: settings.retentionYears },
  );
  return { ...view(current), deadlinesMoved: result.moved, deadlinesFailed: result.failed };
}
