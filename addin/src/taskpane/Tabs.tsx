import { useRef, type KeyboardEvent } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

export type TabValue = 'message' | 'register' | 'director';

const useStyles = makeStyles({
  tabs: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  tab: {
    border: 'none',
    background: 'none',
    cursor: 'pointer',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground2,
    borderBottom: `${tokens.strokeWidthThick} solid transparent`,
    ':hover': { color: tokens.colorNeutralForeground1 },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
  },
});

const LABELS: Record<TabValue, string> = {
  message: 'Deze e-mail',
  register: 'Register',
  director: 'Directeur',
};

/**
 * The pane's tabs, for handlers and the director only (loaded once the role is known). A plain WAI-ARIA
 * tablist (roving tabindex, arrow keys): Fluent's TabList adds hidden focusable sentinels that screen
 * reader checks reject.
 */
export default function Tabs({
  value,
  onChange,
  director,
}: {
  value: TabValue;
  onChange: (value: TabValue) => void;
  director: boolean;
}) {
  const styles = useStyles();
  const values: TabValue[] = director ? ['message', 'register', 'director'] : ['message', 'register'];
  const refs = useRef<Partial<Record<TabValue, HTMLButtonElement | null>>>({});

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const at = values.indexOf(value);
    const next =
      event.key === 'ArrowRight'
        ? values[(at + 1) % values.length]
        : event.key === 'ArrowLeft'
          ? values[(at - 1 + values.length) % values.length]
          : event.key === 'Home'
            ? values[0]
            : event.key === 'End'
              ? values[values.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    onChange(next);
    refs.current[next]?.focus();
  }

  return (
    <div role="tablist" aria-label="Onderdelen" className={styles.tabs} onKeyDown={onKeyDown}>
      {values.map((v) => (
        <button
          key={v}
          ref={(el) => {
            refs.current[v] = el;
          }}
          type="button"
          role="tab"
          aria-selected={v === value}
          tabIndex={v === value ? 0 : -1}
          className={mergeClasses(styles.tab, v === value && styles.selected)}
          onClick={() => onChange(v)}
        >
          {LABELS[v]}
        </button>
      ))}
    </div>
  );
}
