import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ComplaintView } from '../../../../domain/src/api/complaintView';

/** The register's fields (the procedure requires them all before closing). */
export const REGISTER_FIELDS: readonly { key: string; label: string }[] = [
  { key: 'omschrijving', label: 'Omschrijving' },
  { key: 'naamKlager', label: 'Naam klager' },
  { key: 'verantwoordelijke', label: 'Verantwoordelijke' },
  { key: 'oplossing', label: 'Oplossing' },
  { key: 'overeenstemming', label: 'Overeenstemming' },
];

const useStyles = makeStyles({
  list: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'minmax(7em, auto) 1fr',
    gap: tokens.spacingVerticalXS,
  },
  value: { margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word', maxHeight: '10em', overflowY: 'auto' },
  missing: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
});

export function RegisterRecord({ register }: { register: ComplaintView['register'] }) {
  const styles = useStyles();
  return (
    <section aria-labelledby="register-heading">
      <Text as="h3" id="register-heading" weight="semibold" size={300}>
        Registergegevens
      </Text>
      <dl className={styles.list}>
        {REGISTER_FIELDS.map(({ key, label }) => {
          const value = register[key];
          const text = typeof value === 'string' && value.trim() ? value : undefined;
          return [
            <dt key={`${key}-t`}>
              <Text weight="semibold">{label}</Text>
            </dt>,
            <dd key={`${key}-d`} className={styles.value}>
              {text ? <Text>{text}</Text> : <Text className={styles.missing}>nog niet ingevuld</Text>}
            </dd>,
          ];
        })}
      </dl>
    </section>
  );
}
