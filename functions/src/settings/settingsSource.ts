import { createWorkingDayCalendar, type WorkingDayCalendar } from '../../../domain/src/workingDayCalendar';
import type { OrganisationSettings } from '../../../domain/src/organisationSettings';
import type { SettingsStore, SettingsVersion } from '../app/ports/settingsStore';

export interface CurrentSettings extends SettingsVersion {
  calendar: WorkingDayCalendar;
}

/**
 * The settings every use case reads, kept per process for a short while: reading them from storage on every
 * request would double the requests' storage calls, and a change made on another instance may take up to
 * `ttlMs` to arrive there. A save on this instance applies at once (`remember`).
 */
export interface SettingsSource {
  /** Reads the stored settings when the cached copy is older than the TTL (or `fresh` asks for it). */
  refresh(options?: { fresh?: boolean }): Promise<CurrentSettings>;
  /** The settings as last read (the defaults before the first read). */
  peek(): CurrentSettings;
  /** Takes a version just saved by this process. */
  remember(version: SettingsVersion): CurrentSettings;
}

export function createSettingsSource(
  store: SettingsStore,
  defaults: OrganisationSettings,
  now: () => number = Date.now,
  ttlMs = 30_000,
): SettingsSource {
  const withCalendar = (v: SettingsVersion): CurrentSettings => ({
    ...v,
    calendar: createWorkingDayCalendar(v.settings.calendar),
  });
  let value: CurrentSettings = withCalendar({ version: 0, settings: defaults });
  let readAt: number | undefined;

  const remember = (v: SettingsVersion): CurrentSettings => {
    // A slower read that started before a save must not put the older version back.
    if (v.version >= value.version) {
      // Building a calendar is cheap, but reuse it when the version did not change.
      value = v.version === value.version && readAt !== undefined ? value : withCalendar(v);
    }
    readAt = now();
    return value;
  };

  return {
    async refresh(options = {}) {
      if (!options.fresh && readAt !== undefined && now() - readAt < ttlMs) return value;
      const stored = await store.current();
      return remember(stored ?? { version: 0, settings: defaults });
    },
    peek: () => value,
    remember,
  };
}
