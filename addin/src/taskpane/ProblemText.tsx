import { Button } from '@fluentui/react-components';
import type { ApiProblem } from '../api/problem';

/**
 * ProblemBar's words without Fluent's MessageBar: shown where the bar's chunk cannot be loaded (the network is
 * gone), so a failure is still explained and can be retried.
 */
export function ProblemText({ problem, onRetry }: { problem: ApiProblem; onRetry?: () => void }) {
  return (
    <div role="alert">
      <strong>Niet gelukt</strong> {problem.title}
      {problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((e) => (
            <li key={e.field}>{e.message}</li>
          ))}
        </ul>
      )}
      {onRetry && <Button onClick={onRetry}>Opnieuw proberen</Button>}
    </div>
  );
}
