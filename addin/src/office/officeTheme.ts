/** Which of Fluent's themes matches Outlook's: light, dark or high contrast. */
export type ThemeKind = 'light' | 'dark' | 'highContrast';

function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return 1;
  const [r, g, b] = [m[1], m[2], m[3]].map((c) => parseInt(c ?? 'ff', 16) / 255);
  return 0.2126 * (r ?? 1) + 0.7152 * (g ?? 1) + 0.0722 * (b ?? 1);
}

/** Theme from Windows' forced colours (high contrast) first, then Office's body background. */
export function readOfficeTheme(): ThemeKind {
  if (typeof window !== 'undefined' && window.matchMedia?.('(forced-colors: active)').matches)
    return 'highContrast';
  const theme = typeof Office === 'undefined' ? undefined : Office.context?.officeTheme;
  if (!theme) return 'light';
  return luminance(theme.bodyBackgroundColor) < 0.35 ? 'dark' : 'light';
}

/**
 * Calls `listener` when Outlook or Windows switches theme while the pane is open: Office's
 * OfficeThemeChanged where the client raises it, and the forced-colors media query.
 */
export function onOfficeThemeChanged(listener: () => void): void {
  if (typeof window !== 'undefined' && window.matchMedia) {
    window.matchMedia('(forced-colors: active)').addEventListener?.('change', listener);
  }
  try {
    const type = (Office.EventType as unknown as Record<string, Office.EventType | undefined>)[
      'OfficeThemeChanged'
    ];
    if (type) Office.context.mailbox?.addHandlerAsync(type, listener);
  } catch {
    // Older clients: the theme read at start stays.
  }
}
