import { addinFileUrl, addinHost, type Environment } from './environment';
import { addinModel as m } from './manifestModel';

/**
 * The unified app manifest for Microsoft 365 (Outlook, mail read surface).
 *
 * Version 1.22: the first schema with `webApplicationInfo.nestedAppAuthInfo`, which lets the host prefetch the
 * NAA token for the task pane. NAA itself needs only the SPA redirect `brk-multihub://<host>` on the app
 * registration; `webApplicationInfo.resource` is left out on purpose, because it is the legacy (getAccessToken)
 * SSO setting and the add-in does not use that flow.
 */
export const unifiedManifestVersion = '1.22';
export const unifiedSchemaUrl = `https://developer.microsoft.com/json-schemas/teams/v${unifiedManifestVersion}/MicrosoftTeams.schema.json`;

export function buildUnifiedManifest(env: Environment): Record<string, unknown> {
  const icons = Object.entries(m.ribbonIcons).map(([size, path]) => ({
    size: Number(size),
    url: addinFileUrl(env, path),
  }));
  const actionId = 'OpenRegistreerKlacht';
  return {
    $schema: unifiedSchemaUrl,
    manifestVersion: unifiedManifestVersion,
    version: env.version,
    id: env.appId,
    localizationInfo: { defaultLanguageTag: m.defaultLocale.toLowerCase() },
    developer: env.developer,
    name: env.name,
    description: env.description,
    icons: { outline: m.packageOutlineIcon, color: m.packageColorIcon },
    accentColor: env.accentColor,
    validDomains: validDomains(env),
    webApplicationInfo: {
      id: env.addinClientId,
      nestedAppAuthInfo: [{ redirectUri: `brk-multihub://${addinHost(env)}`, scopes: [env.apiScope] }],
    },
    authorization: {
      permissions: {
        resourceSpecific: [
          { name: m.unifiedPermission, type: 'Delegated' },
          // Handlers open the complaints mailbox as a shared mailbox: the add-in must be offered there too.
          { name: m.unifiedSharedFolderPermission, type: 'Delegated' },
        ],
      },
    },
    extensions: [
      {
        requirements: {
          scopes: ['mail'],
          capabilities: [{ name: 'Mailbox', minVersion: m.mailboxMinVersion }],
        },
        runtimes: [
          {
            id: 'TaskPaneRuntime',
            type: 'general',
            code: { page: addinFileUrl(env, m.taskpanePage) },
            lifetime: 'short',
            // Pinnable: handlers working through the complaints mailbox keep the pane open while the selection changes.
            actions: [{ id: actionId, type: 'openPage', view: 'dashboard', pinnable: true }],
          },
        ],
        ribbons: [
          {
            contexts: ['mailRead'],
            tabs: [
              {
                builtInTabId: 'TabDefault',
                groups: [
                  {
                    id: m.groupId,
                    label: m.groupLabel,
                    icons,
                    controls: [
                      {
                        id: m.buttonId,
                        type: 'button',
                        label: m.buttonLabel,
                        icons,
                        supertip: { title: m.buttonLabel, description: m.buttonTooltip },
                        actionId,
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
        alternates: [
          {
            // The size values are ignored for alternateIcons (the files are measured), but must be valid.
            alternateIcons: {
              icon: { size: 64, url: addinFileUrl(env, m.icon) },
              highResolutionIcon: { size: 64, url: addinFileUrl(env, m.highResolutionIcon) },
            },
          },
        ],
      },
    ],
  };
}

/** The add-in's own host first, then any extra domains, without duplicates. */
export function validDomains(env: Environment): string[] {
  return [...new Set([addinHost(env), ...env.extraValidDomains])];
}
