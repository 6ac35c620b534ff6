import { useState } from 'react';
import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from '@fluentui/react-components';
import { toApiProblem } from '../../api/problem';

export interface FileAction {
  label: string;
  run: () => Promise<void>;
}

export interface FileActionsProps {
  heading: string;
  description: string;
  actions: FileAction[];
  /** Named in messages: "Het jaarrapport kon niet worden geopend." */
  what: string;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** A heading, a line of explanation and buttons that fetch a file; one at a time, with a Dutch message on failure. */
export function FileActions({ heading, description, actions, what }: FileActionsProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function run(action: FileAction): Promise<void> {
    setBusy(action.label);
    setProblem(null);
    try {
      await action.run();
    } catch (error) {
      const unavailable = `${what} is nu niet beschikbaar. Probeer het later opnieuw.`;
      setProblem(toApiProblem(error, unavailable, unavailable).title);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className={styles.root} aria-label={heading}>
      <Text as="h2" weight="semibold" size={400}>
        {heading}
      </Text>
      <Caption1>{description}</Caption1>
      <div className={styles.actions}>
        {actions.map((action) => (
          <Button key={action.label} disabled={busy !== null} onClick={() => void run(action)}>
            {busy === action.label ? 'Bezig…' : action.label}
          </Button>
        ))}
      </div>
      {problem && (
        <MessageBar intent="warning">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
