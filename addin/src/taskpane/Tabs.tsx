import { TabStrip } from './TabStrip';

export type TabValue = 'message' | 'register' | 'director';

const TABS: readonly { value: TabValue; label: string }[] = [
  { value: 'message', label: 'Deze e-mail' },
  { value: 'register', label: 'Register' },
  { value: 'director', label: 'Directeur' },
];

/** The pane's tabs, for handlers and the director only (loaded once the role is known). */
export default function Tabs({
  value,
  onChange,
  director,
}: {
  value: TabValue;
  onChange: (value: TabValue) => void;
  director: boolean;
}) {
  return (
    <TabStrip
      label="Onderdelen"
      tabs={director ? TABS : TABS.filter((t) => t.value !== 'director')}
      value={value}
      onChange={onChange}
    />
  );
}
