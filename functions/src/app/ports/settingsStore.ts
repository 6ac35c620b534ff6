import type { OrganisationSettings } from '../../../../domain/src/organisationSettings';

/** One saved version of the organisation's settings. Version 0 is the installation's defaults (never stored). */
export interface SettingsVersion {
  version: number;
  settings: OrganisationSettings;
  /** ISO time and display name of the Directeur who saved it; absent for the defaults. */
  savedAt?: string;
  savedBy?: string;
}

/** Where the settings live: the current version plus every earlier one, kept as rows. */
export interface SettingsStore {
  /** The newest saved version, or undefined before the first save. */
  current(): Promise<SettingsVersion | undefined>;
  /**
   * Saves `next` (whose version is `expected + 1`) only if the current version is still `expected`;
   * `stale` when someone saved in between. The current row and the version row are written together.
   */
  save(
    next: SettingsVersion & { savedAt: string; savedBy: string },
    expected: number,
  ): Promise<'saved' | 'stale'>;
  /** Every saved version, newest first. */
  history(): Promise<SettingsVersion[]>;
}
