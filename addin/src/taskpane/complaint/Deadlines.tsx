import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ComplaintView } from '../../../../domain/src/api/complaintView';
import { daysBetween, daysLeftText, deadlineTone, formatDate } from '../model/dates';

type DeadlineKey = keyof ComplaintView['deadlines'];

/** Deadlines the handler acts on, in the order the procedure meets them; retention is shown apart. */
export const DEADLINE_LABELS: Readonly<Record<DeadlineKey, string>> = {
  acknowledgeBy: 'Ontvangst bevestigen',
  extensionNoticeBy: 'Verlenging melden',
  escalationResponseBy: 'Reactie na voorleggen directeur',
  resolveBy: 'Afhandelen',
  retainUntil: 'Bewaren tot',
};

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  label: { flexGrow: 1, minWidth: '8em' },
});

const toneColor = { overdue: 'danger', near: 'warning', later: 'informative' } as const;

/** The complaint's deadlines with the days left: warning colour when near, danger when overdue. */
export function Deadlines({ view, today }: { view: ComplaintView; today: string }) {
  const styles = useStyles();
  const open = view.status === 'open';
  const entries = (Object.keys(DEADLINE_LABELS) as DeadlineKey[])
    .map((key) => ({ key, date: view.deadlines[key] }))
    .filter((e): e is { key: DeadlineKey; date: string } => typeof e.date === 'string');
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="deadlines-heading">
      <Text as="h3" id="deadlines-heading" weight="semibold" size={300}>
        Termijnen
      </Text>
      <ul className={styles.list}>
        {entries.map(({ key, date }) => {
          const days = daysBetween(today, date);
          const tone = deadlineTone(days);
          const done = key === 'retainUntil' ? undefined : view.deadlineOutcomes?.[key];
          const met = done?.outcome === 'met' || done?.outcome === 'missed';
          const showTone = open && key !== 'retainUntil' && !met;
          return (
            <li key={key} className={styles.row}>
              <Text className={styles.label}>{DEADLINE_LABELS[key]}</Text>
              <Text>{formatDate(date)}</Text>
              {met && (
                <Badge
                  appearance="tint"
                  color={done.outcome === 'met' ? 'success' : 'warning'}
                  data-tone={done.outcome}
                >
                  {done.outcome === 'met' ? 'op tijd' : 'te laat'}
                  {done.doneOn ? `: ${formatDate(done.doneOn)}` : ''}
                </Badge>
              )}
              {showTone && (
                <Badge appearance="tint" color={toneColor[tone]} data-tone={tone}>
                  {daysLeftText(days)}
                </Badge>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The earliest deadline that still matters for an open complaint (the register list sorts on it). */
export function nextDeadline(view: ComplaintView | undefined): string | undefined {
  if (!view || view.status !== 'open') return undefined;
  const { acknowledgeBy, extensionNoticeBy, escalationResponseBy, resolveBy } = view.deadlines;
  return [acknowledgeBy, extensionNoticeBy, escalationResponseBy, resolveBy]
    .filter((d): d is string => typeof d === 'string')
    .sort()[0];
}
