import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { WeeklySummary } from '../../api/deskApi';
import { formatDate } from '../model/dates';

const useStyles = makeStyles({
  figures: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  dd: { margin: 0, textAlign: 'right', fontWeight: tokens.fontWeightSemibold },
});

/** The weekly summary with the mail's own lines. */
export function WeeklySummaryCard({ summary }: { summary: WeeklySummary }) {
  const styles = useStyles();
  return (
    <section aria-labelledby="weekoverzicht-kop">
      <Text as="h2" id="weekoverzicht-kop" weight="semibold" size={400} block>
        Weekoverzicht
      </Text>
      <Text size={200} block>
        Zoals gemaild: {formatDate(summary.from)} t/m {formatDate(summary.to)}
      </Text>
      <dl className={styles.figures} aria-label="Weekoverzicht">
        {summary.lines.map((line) => [
          <dt key={`${line.label}-t`}>{line.label}</dt>,
          <dd key={`${line.label}-d`} className={styles.dd}>
            {line.value}
          </dd>,
        ])}
      </dl>
    </section>
  );
}
