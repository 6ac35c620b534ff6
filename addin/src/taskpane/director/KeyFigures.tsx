import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { YearlyFigures } from '../../api/deskApi';
import { formatDate } from '../model/dates';
import { countText, percentText } from './figureFormat';

const useStyles = makeStyles({
  figures: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  dt: { wordBreak: 'break-word' },
  dd: { margin: 0, textAlign: 'right', fontWeight: tokens.fontWeightSemibold },
});

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Label and value of every key figure, in the order the director reads them. */
export function keyFigureRows(f: YearlyFigures): { label: string; value: string }[] {
  const klachten = (n: number): string => countText(n, 'klacht', 'klachten');
  return [
    { label: 'Klachten ontvangen', value: klachten(f.total) },
    { label: 'Nog open', value: klachten(f.open) },
    { label: 'Te laat ingediend', value: klachten(f.late) },
    { label: 'Herhaalde klachten', value: klachten(f.repeats) },
    { label: 'Afgehandeld met overeenstemming', value: percentText(f.agreementRate) },
    ...f.timeliness.map((t) => ({ label: `${capital(t.label)}: op tijd`, value: percentText(t.rate) })),
    ...f.byWellFounded.map((c) => ({ label: `Beslissing ${c.label}`, value: klachten(c.count) })),
    { label: 'Voorgelegd aan de directeur', value: klachten(f.escalations.complaints) },
    { label: 'Naar de onafhankelijke derde', value: klachten(f.thirdParty.referred) },
    {
      label: 'Bindende uitspraken van de derde',
      value: countText(f.thirdParty.rulings, 'uitspraak', 'uitspraken'),
    },
    { label: 'Wachten op de derde', value: klachten(f.thirdParty.pending) },
    { label: 'Maatregelen afgesproken', value: countText(f.measures.total, 'maatregel', 'maatregelen') },
    { label: 'Maatregelen uitgevoerd', value: countText(f.measures.carriedOut, 'maatregel', 'maatregelen') },
    {
      label: 'Maatregelen over de datum',
      value: countText(f.measures.pastDue, 'maatregel', 'maatregelen'),
    },
  ];
}

/** The year's key figures in plain Dutch, with their unit. */
export function KeyFigures({ figures }: { figures: YearlyFigures }) {
  const styles = useStyles();
  return (
    <section aria-labelledby="kerncijfers-kop">
      <Text as="h2" id="kerncijfers-kop" weight="semibold" size={400} block>
        Kerncijfers {figures.year}
      </Text>
      <Text size={200} block>
        Stand per {formatDate(figures.asOf)}
      </Text>
      <dl className={styles.figures} aria-label={`Kerncijfers ${figures.year}`}>
        {keyFigureRows(figures).map((row) => [
          <dt key={`${row.label}-t`} className={styles.dt}>
            {row.label}
          </dt>,
          <dd key={`${row.label}-d`} className={styles.dd}>
            {row.value}
          </dd>,
        ])}
      </dl>
    </section>
  );
}
