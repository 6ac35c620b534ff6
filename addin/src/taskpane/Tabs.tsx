import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';

export type TabValue = 'message' | 'register' | 'director';

const useStyles = makeStyles({
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})`, flexWrap: 'wrap' },
});

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
  const styles = useStyles();
  return (
    <TabList
      className={styles.tabs}
      size="small"
      selectedValue={value}
      onTabSelect={(_, d) => onChange(d.value as TabValue)}
      aria-label="Onderdelen"
    >
      <Tab value="message">Deze e-mail</Tab>
      <Tab value="register">Register</Tab>
      {director && <Tab value="director">Directeur</Tab>}
    </TabList>
  );
}
