import { tokens } from '@fluentui/react-components';

/**
 * The first screen's look (the pane's frame, the e-mail's summary card, the progress ring) as one plain style
 * sheet on Fluent's design tokens. makeStyles would pull Griffel's runtime CSS compiler into the first chunk,
 * and Fluent's Card, Text and Spinner bring tabster and the icons with them: together they nearly doubled the
 * JavaScript loaded before "Registreer klacht". Fluent's own components (the provider, Button) and everything
 * after the first screen keep Fluent's styling as before.
 */
export const firstScreen = {
  root: 'kr-pane',
  visuallyHidden: 'kr-visually-hidden',
  form: 'kr-form',
  card: 'kr-card',
  heading: 'kr-heading',
  summary: 'kr-summary',
  body: 'kr-body',
  caption: 'kr-caption',
  wide: 'kr-wide',
  fieldsPlaceholder: 'kr-fields-placeholder',
  tabsPlaceholder: 'kr-tabs-placeholder',
  busy: 'kr-busy',
  ring: 'kr-ring',
  ringTiny: 'kr-ring kr-ring-tiny',
} as const;

const css = `
.kr-pane {
  display: flex;
  flex-direction: column;
  gap: ${tokens.spacingVerticalM};
  padding: ${tokens.spacingHorizontalM};
  min-width: 280px;
  max-width: 100%;
  box-sizing: border-box;
  color: ${tokens.colorNeutralForeground1};
  background-color: ${tokens.colorNeutralBackground1};
  min-height: 100vh;
  font-family: ${tokens.fontFamilyBase};
  font-size: ${tokens.fontSizeBase300};
  line-height: ${tokens.lineHeightBase300};
}
.kr-visually-hidden {
  position: absolute;
  width: 1px;
  height: 1px;
  margin: -1px;
  padding: 0;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
  border: 0;
}
.kr-form { display: flex; flex-direction: column; gap: ${tokens.spacingVerticalM}; }
.kr-card {
  display: flex;
  flex-direction: column;
  gap: ${tokens.spacingVerticalM};
  padding: ${tokens.spacingVerticalM};
  border-radius: ${tokens.borderRadiusMedium};
  background-color: ${tokens.colorNeutralBackground1};
  color: ${tokens.colorNeutralForeground1};
  box-shadow: ${tokens.shadow4};
}
.kr-heading {
  margin: 0;
  font-family: ${tokens.fontFamilyBase};
  font-size: ${tokens.fontSizeBase300};
  line-height: ${tokens.lineHeightBase300};
  font-weight: ${tokens.fontWeightSemibold};
}
.kr-summary {
  display: flex;
  flex-direction: column;
  gap: ${tokens.spacingVerticalXS};
  word-break: break-word;
  white-space: pre-wrap;
}
.kr-body { font-size: ${tokens.fontSizeBase300}; line-height: ${tokens.lineHeightBase300}; }
.kr-caption { font-size: ${tokens.fontSizeBase200}; line-height: ${tokens.lineHeightBase200}; }
.kr-wide { width: 100%; }
/* The room the registration's fields take (five blocks and their gaps, less the one gap the placeholder keeps),
   so "Registreer klacht" stands where it will stay while their chunk arrives and is not pushed away under a
   pointer about to click it. A browser test checks that the button does not move. */
.kr-fields-placeholder { min-height: 552px; }
/* Likewise the room of the tab strip, which comes after the first screen. */
.kr-tabs-placeholder { min-height: 34px; }
.kr-busy {
  display: flex;
  align-items: center;
  gap: ${tokens.spacingHorizontalS};
  font-size: ${tokens.fontSizeBase300};
  line-height: ${tokens.lineHeightBase300};
}
.kr-ring {
  display: inline-block;
  flex-shrink: 0;
  box-sizing: border-box;
  width: 28px;
  height: 28px;
  border-radius: 50%;
  border: ${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke2};
  border-top-color: ${tokens.colorBrandStroke1};
  animation: kr-spin 1.5s linear infinite;
}
.kr-ring-tiny { width: 20px; height: 20px; border-width: ${tokens.strokeWidthThick}; }
@keyframes kr-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .kr-ring { animation-duration: 6s; } }
@media (forced-colors: active) {
  .kr-ring { border-color: CanvasText; border-top-color: Highlight; }
  .kr-card { border: 1px solid CanvasText; }
}
`;

// Added when the module loads, so the sheet is in place before React's first render (no flash of an
// unstyled card); once per document, also when a test imports the module again.
const sheetId = 'kr-first-screen';
if (typeof document !== 'undefined' && !document.getElementById(sheetId)) {
  const sheet = document.createElement('style');
  sheet.id = sheetId;
  sheet.textContent = css;
  document.head.appendChild(sheet);
}
