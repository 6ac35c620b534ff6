import { addinFileUrl, type Environment } from './environment';
import { addinModel as m } from './manifestModel';
import { validDomains } from './unifiedManifest';

/**
 * The add-in only (XML) manifest: a MailApp with VersionOverrides 1.0 that puts the same "Registreer klacht"
 * button on the message read surface. For Outlook clients that cannot install add-ins from the unified
 * manifest (Outlook on Mac, perpetual Office, Microsoft 365 builds before 2304). Same id, name, pages and
 * permission as the unified manifest; a test checks that the two agree.
 *
 * A VersionOverrides 1.1 nested in the 1.0 one (clients that know 1.1 read it instead) adds what 1.0 cannot
 * say: the pane is pinnable (`SupportsPinning`, so it follows the selection), it works in shared folders and
 * shared mailboxes (`SupportsSharedFolders`), and Outlook mobile shows the button (`MobileFormFactor`).
 */
export function buildXmlManifest(env: Environment): string {
  const url = (path: string): string => escapeXml(addinFileUrl(env, path));
  const text = escapeXml;
  const domains = validDomains(env)
    .filter((d) => !d.includes('*'))
    .map((d) => `    <AppDomain>https://${text(d)}</AppDomain>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0"
  xmlns:mailappor="http://schemas.microsoft.com/office/mailappversionoverrides/1.0"
  xsi:type="MailApp">
  <Id>${text(env.appId)}</Id>
  <Version>${text(env.version)}.0</Version>
  <ProviderName>${text(env.developer.name)}</ProviderName>
  <DefaultLocale>${m.defaultLocale}</DefaultLocale>
  <DisplayName DefaultValue="${text(env.name.short)}"/>
  <Description DefaultValue="${text(env.description.short)}"/>
  <IconUrl DefaultValue="${url(m.icon)}"/>
  <HighResolutionIconUrl DefaultValue="${url(m.highResolutionIcon)}"/>
  <SupportUrl DefaultValue="${text(env.supportUrl)}"/>
  <AppDomains>
${domains}
  </AppDomains>
  <Hosts>
    <Host Name="Mailbox"/>
  </Hosts>
  <Requirements>
    <Sets>
      <Set Name="Mailbox" MinVersion="${m.mailboxMinVersion}"/>
    </Sets>
  </Requirements>
  <FormSettings>
    <Form xsi:type="ItemRead">
      <DesktopSettings>
        <SourceLocation DefaultValue="${url(m.taskpanePage)}"/>
        <RequestedHeight>350</RequestedHeight>
      </DesktopSettings>
    </Form>
  </FormSettings>
  <Permissions>${m.xmlPermission}</Permissions>
  <Rule xsi:type="RuleCollection" Mode="Or">
    <Rule xsi:type="ItemIs" ItemType="Message" FormType="Read"/>
  </Rule>
  <DisableEntityHighlighting>true</DisableEntityHighlighting>
  <VersionOverrides xmlns="http://schemas.microsoft.com/office/mailappversionoverrides" xsi:type="VersionOverridesV1_0">
    <Requirements>
      <bt:Sets DefaultMinVersion="${m.mailboxMinVersion}">
        <bt:Set Name="Mailbox"/>
      </bt:Sets>
    </Requirements>
    <Hosts>
      <Host xsi:type="MailHost">
        <DesktopFormFactor>
          <ExtensionPoint xsi:type="MessageReadCommandSurface">
            <OfficeTab id="TabDefault">
              <Group id="${m.groupId}">
                <Label resid="Group.Label"/>
                <Control xsi:type="Button" id="${m.buttonId}">
                  <Label resid="Button.Label"/>
                  <Supertip>
                    <Title resid="Button.Label"/>
                    <Description resid="Button.Tooltip"/>
                  </Supertip>
                  <Icon>
                    <bt:Image size="16" resid="Icon.16x16"/>
                    <bt:Image size="32" resid="Icon.32x32"/>
                    <bt:Image size="80" resid="Icon.80x80"/>
                  </Icon>
                  <Action xsi:type="ShowTaskpane">
                    <SourceLocation resid="Taskpane.Url"/>
                  </Action>
                </Control>
              </Group>
            </OfficeTab>
          </ExtensionPoint>
        </DesktopFormFactor>
      </Host>
    </Hosts>
    <Resources>
      <bt:Images>
        <bt:Image id="Icon.16x16" DefaultValue="${url(m.ribbonIcons[16])}"/>
        <bt:Image id="Icon.32x32" DefaultValue="${url(m.ribbonIcons[32])}"/>
        <bt:Image id="Icon.80x80" DefaultValue="${url(m.ribbonIcons[80])}"/>
      </bt:Images>
      <bt:Urls>
        <bt:Url id="Taskpane.Url" DefaultValue="${url(m.taskpanePage)}"/>
      </bt:Urls>
      <bt:ShortStrings>
        <bt:String id="Group.Label" DefaultValue="${text(m.groupLabel)}"/>
        <bt:String id="Button.Label" DefaultValue="${text(m.buttonLabel)}"/>
      </bt:ShortStrings>
      <bt:LongStrings>
        <bt:String id="Button.Tooltip" DefaultValue="${text(m.buttonTooltip)}"/>
      </bt:LongStrings>
    </Resources>
${versionOverrides11(url, text)}
  </VersionOverrides>
</OfficeApp>
`;
}

/** The VersionOverrides 1.1 block: the 1.0 button plus pinning, shared folders and the mobile button. */
function versionOverrides11(url: (path: string) => string, text: (value: string) => string): string {
  const mobileImages = m.mobileIcons
    .map(
      (i) =>
        `                    <bt:Image size="${i.size}" scale="${i.scale}" resid="Mobile.${i.size}x${i.scale}"/>`,
    )
    .join('\n');
  const mobileResources = m.mobileIcons
    .map((i) => `        <bt:Image id="Mobile.${i.size}x${i.scale}" DefaultValue="${url(i.file)}"/>`)
    .join('\n');
  return `    <VersionOverrides xmlns="http://schemas.microsoft.com/office/mailappversionoverrides/1.1" xsi:type="VersionOverridesV1_1">
    <Requirements>
      <bt:Sets DefaultMinVersion="${m.mailboxMinVersion}">
        <bt:Set Name="Mailbox"/>
      </bt:Sets>
    </Requirements>
    <Hosts>
      <Host xsi:type="MailHost">
        <DesktopFormFactor>
          <SupportsSharedFolders>true</SupportsSharedFolders>
          <ExtensionPoint xsi:type="MessageReadCommandSurface">
            <OfficeTab id="TabDefault">
              <Group id="${m.groupId}">
                <Label resid="Group.Label"/>
                <Control xsi:type="Button" id="${m.buttonId}">
                  <Label resid="Button.Label"/>
                  <Supertip>
                    <Title resid="Button.Label"/>
                    <Description resid="Button.Tooltip"/>
                  </Supertip>
                  <Icon>
                    <bt:Image size="16" resid="Icon.16x16"/>
                    <bt:Image size="32" resid="Icon.32x32"/>
                    <bt:Image size="80" resid="Icon.80x80"/>
                  </Icon>
                  <Action xsi:type="ShowTaskpane">
                    <SourceLocation resid="Taskpane.Url"/>
                    <SupportsPinning>true</SupportsPinning>
                  </Action>
                </Control>
              </Group>
            </OfficeTab>
          </ExtensionPoint>
        </DesktopFormFactor>
        <MobileFormFactor>
          <ExtensionPoint xsi:type="MobileMessageReadCommandSurface">
            <Group id="${m.groupId}Mobile">
              <Label resid="Group.Label"/>
              <Control xsi:type="MobileButton" id="${m.buttonId}Mobile">
                <Label resid="Button.Label"/>
                <Icon xsi:type="bt:MobileIconList">
${mobileImages}
                </Icon>
                <Action xsi:type="ShowTaskpane">
                  <SourceLocation resid="Taskpane.Url"/>
                </Action>
              </Control>
            </Group>
          </ExtensionPoint>
        </MobileFormFactor>
      </Host>
    </Hosts>
    <Resources>
      <bt:Images>
        <bt:Image id="Icon.16x16" DefaultValue="${url(m.ribbonIcons[16])}"/>
        <bt:Image id="Icon.32x32" DefaultValue="${url(m.ribbonIcons[32])}"/>
        <bt:Image id="Icon.80x80" DefaultValue="${url(m.ribbonIcons[80])}"/>
${mobileResources}
      </bt:Images>
      <bt:Urls>
        <bt:Url id="Taskpane.Url" DefaultValue="${url(m.taskpanePage)}"/>
      </bt:Urls>
      <bt:ShortStrings>
        <bt:String id="Group.Label" DefaultValue="${text(m.groupLabel)}"/>
        <bt:String id="Button.Label" DefaultValue="${text(m.buttonLabel)}"/>
      </bt:ShortStrings>
      <bt:LongStrings>
        <bt:String id="Button.Tooltip" DefaultValue="${text(m.buttonTooltip)}"/>
      </bt:LongStrings>
    </Resources>
    </VersionOverrides>`;
}

export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
