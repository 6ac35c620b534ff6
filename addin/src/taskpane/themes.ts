import { webLightTheme, type Theme } from '@fluentui/react-components';
import type { ThemeKind } from '../office/officeTheme';

/**
 * Light is in the first bundle; dark and high contrast are fetched only when Outlook uses them (each theme
 * is a few KB of tokens that most panes never need).
 */
export function loadTheme(kind: ThemeKind): Theme | Promise<Theme> {
  if (kind === 'light') return webLightTheme;
  return import(/* webpackChunkName: "themes" */ './otherThemes').then((m) =>
    kind === 'dark' ? m.webDarkTheme : m.teamsHighContrastTheme,
  );
}
