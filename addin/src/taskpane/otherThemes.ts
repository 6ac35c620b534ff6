export { teamsHighContrastTheme, webDarkTheme } from '@fluentui/react-components';
