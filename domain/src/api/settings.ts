import type { OrganisationSettings } from '../organisationSettings';

/** `GET /api/settings`: the organisation's settings; `etag` is the version as `ETag` / `If-Match` carry it. */
export interface SettingsView {
  version: number;
  etag: string;
  settings: OrganisationSettings;
  savedAt?: string;
  savedBy?: string;
}

/** `PUT /api/settings`: the saved settings and how many complaints' pending deadlines the new calendar moved. */
export interface SavedSettingsView extends SettingsView {
  deadlinesMoved: number;
  deadlinesFailed: number;
}
