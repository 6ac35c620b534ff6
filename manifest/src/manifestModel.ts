/**
 * What both manifests share beyond the environment: the one ribbon button, its texts, the pages and icons.
 * Kept in one place so the unified and the XML manifest describe the same add-in.
 */
export const addinModel = {
  /** Mailbox 1.8: the task pane reads attachment content (getAttachmentContentAsync) to keep the original. */
  mailboxMinVersion: '1.8',
  taskpanePage: 'taskpane.html',
  groupId: 'KlachtenregisterGroup',
  groupLabel: 'Klachtenregister',
  buttonId: 'RegistreerKlachtButton',
  buttonLabel: 'Registreer klacht',
  buttonTooltip: 'Registreer deze e-mail als klacht in het klachtenregister en zie het klachtnummer.',
  /** Both manifests ask for the same access to the open item: read it (not write, not the whole mailbox). */
  unifiedPermission: 'MailboxItem.Read.User',
  xmlPermission: 'ReadItem',
  /**
   * Outlook mobile's button (MobileFormFactor): 25, 32 and 48 px at scale 1, 2 and 3. The pane works at phone
   * width (it is tested at 320 px).
   */
  mobileIcons: [
    { size: 25, scale: 1, file: 'assets/icon-25.png' },
    { size: 25, scale: 2, file: 'assets/icon-50.png' },
    { size: 25, scale: 3, file: 'assets/icon-75.png' },
    { size: 32, scale: 1, file: 'assets/icon-32.png' },
    { size: 32, scale: 2, file: 'assets/icon-64.png' },
    { size: 32, scale: 3, file: 'assets/icon-96.png' },
    { size: 48, scale: 1, file: 'assets/icon-48.png' },
    { size: 48, scale: 2, file: 'assets/icon-96.png' },
    { size: 48, scale: 3, file: 'assets/icon-144.png' },
  ],
  /** Unified manifest: the add-in also works in shared folders and shared mailboxes (the complaints mailbox). */
  unifiedSharedFolderPermission: 'Mailbox.SharedFolder',
  ribbonIcons: { 16: 'assets/icon-16.png', 32: 'assets/icon-32.png', 80: 'assets/icon-80.png' },
  /** Mail add-ins: 64x64 and 128x128 (XML IconUrl/HighResolutionIconUrl, unified alternateIcons). */
  icon: 'assets/icon-64.png',
  highResolutionIcon: 'assets/icon-128.png',
  /** Files inside the unified app package (relative paths). */
  packageColorIcon: 'color.png',
  packageOutlineIcon: 'outline.png',
  defaultLocale: 'nl-NL',
} as const;
