import { useEffect, useId, useRef } from 'react';
import { Button, Card, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import type { ComplaintView } from '../../../../domain/src/api/complaintView';
import { REGISTER_FIELDS } from './RegisterRecord';

export interface ClosingConfirmationProps {
  view: ComplaintView;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'minmax(7em, auto) 1fr',
    gap: tokens.spacingVerticalXS,
  },
  value: { margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** "Afgesloten" is final: the register's fields once more, then the handler confirms or goes back. */
export function ClosingConfirmation({ view, busy, onConfirm, onCancel }: ClosingConfirmationProps) {
  const styles = useStyles();
  const headingId = useId();
  const textId = useId();
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <Card
      role="alertdialog"
      aria-labelledby={headingId}
      aria-describedby={textId}
      className={styles.root}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <Text as="h3" id={headingId} weight="semibold" size={300}>
        Klacht {view.number} afsluiten?
      </Text>
      <Text id={textId}>
        Afsluiten is definitief: daarna kunt u alleen nog oorzaken en maatregelen vastleggen. De klager krijgt
        een afsluitbrief.
      </Text>
      <dl className={styles.list}>
        {REGISTER_FIELDS.map(({ key, label }) => {
          const value = view.register[key];
          const text = typeof value === 'string' && value.trim() ? value : 'nog niet ingevuld';
          return [
            <dt key={`${key}-t`}>
              <Text weight="semibold">{label}</Text>
            </dt>,
            <dd key={`${key}-d`} className={styles.value}>
              {text}
            </dd>,
          ];
        })}
      </dl>
      <div className={styles.actions}>
        <Button
          ref={confirm}
          appearance="primary"
          disabled={busy}
          aria-busy={busy}
          icon={busy ? <Spinner size="tiny" /> : undefined}
          onClick={onConfirm}
        >
          Definitief afsluiten
        </Button>
        <Button disabled={busy} onClick={onCancel}>
          Annuleren
        </Button>
      </div>
    </Card>
  );
}
