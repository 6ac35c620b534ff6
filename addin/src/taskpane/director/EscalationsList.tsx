import { useEffect, useId, useState } from 'react';
import { Badge, Caption1, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import type { EscalationItem, ProcedureApi } from '../../api/procedureApi';
import { toApiProblem, type ApiProblem } from '../../api/problem';
import { ProblemBar } from '../ProblemBar';
import { formatDate } from '../model/dates';

export interface EscalationsListProps {
  api: Pick<ProcedureApi, 'escalations'>;
}

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, wordBreak: 'break-word' },
});

/** "Aan u voorgelegd": the complaints escalated to the director, with the month the complainant waits. */
export function EscalationsList({ api }: EscalationsListProps) {
  const styles = useStyles();
  const headingId = useId();
  const [items, setItems] = useState<EscalationItem[] | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  useEffect(() => {
    let live = true;
    api.escalations().then(
      (found) => live && setItems(found),
      (error: unknown) =>
        live && setProblem(toApiProblem(error, 'De voorgelegde klachten konden niet worden geladen.')),
    );
    return () => {
      live = false;
    };
  }, [api]);

  return (
    <section aria-labelledby={headingId}>
      <Text as="h2" id={headingId} weight="semibold" size={400}>
        Aan u voorgelegd
      </Text>
      {problem && <ProblemBar problem={problem} />}
      {!items && !problem && <Spinner size="tiny" label="Laden…" />}
      {items && items.length === 0 && <Caption1>Er zijn nu geen klachten aan u voorgelegd.</Caption1>}
      {items && items.length > 0 && (
        <ul className={styles.list}>
          {items.map((item) => (
            <li key={item.id} className={styles.item}>
              <Text weight="semibold">{item.number}</Text>
              <Caption1>Behandelaar: {item.handlerName || 'onbekend'}</Caption1>
              <span>
                <Caption1>Reactie aan de klager uiterlijk {formatDate(item.respondBy)} </Caption1>
                {item.overdue && (
                  <Badge appearance="tint" color="danger">
                    te laat
                  </Badge>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
