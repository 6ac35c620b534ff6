import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { ApiProblem } from '../api/problem';

/** Shows what went wrong in the handler's words, with the field errors and a way to try again. */
export function ProblemBar({ problem, onRetry }: { problem: ApiProblem; onRetry?: () => void }) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Niet gelukt</MessageBarTitle>
        {problem.title}
        {problem.errors.length > 0 && (
          <ul>
            {problem.errors.map((e) => (
              <li key={e.field}>{e.message}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>Opnieuw proberen</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
