import { Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ComplaintView } from '../../../../domain/src/api/complaintView';
import { formatDate, isIsoDate } from '../model/dates';
import { fieldLabel, stepLabel } from '../model/stepFields';

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  detail: { whiteSpace: 'pre-wrap', wordBreak: 'break-word' },
});

function detailText(type: string, detail: Record<string, unknown> | undefined): string[] {
  if (!detail) return [];
  return Object.entries(detail)
    .filter(([key, value]) => key !== 'type' && key !== 'on' && value !== undefined && value !== null)
    .map(([key, value]) => {
      let shown: string;
      if (typeof value === 'boolean') shown = value ? 'akkoord' : 'niet akkoord';
      else if (typeof value === 'string') shown = isIsoDate(value) ? formatDate(value) : value;
      else if (typeof value === 'object' && value && 'name' in value) shown = String(value.name);
      else shown = JSON.stringify(value);
      return `${fieldLabel(type, key)}: ${shown}`;
    });
}

/** What happened, oldest first; free text is rendered as text (React escapes it), never as HTML. */
export function Timeline({ timeline }: { timeline: ComplaintView['timeline'] }) {
  const styles = useStyles();
  return (
    <section aria-labelledby="timeline-heading">
      <Text as="h3" id="timeline-heading" weight="semibold" size={300}>
        Tijdlijn
      </Text>
      <ol className={styles.list}>
        {timeline.map((entry, i) => (
          <li key={`${entry.at}-${entry.type}-${i}`}>
            <Text weight="semibold">{stepLabel(entry.type)}</Text>{' '}
            <Caption1>
              {formatDate(entry.at)}
              {entry.by ? ` — ${entry.by}` : ''}
            </Caption1>
            {detailText(entry.type, entry.detail).map((line) => (
              <Caption1 block key={line} className={styles.detail}>
                {line}
              </Caption1>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
