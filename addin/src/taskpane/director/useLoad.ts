import { useCallback, useEffect, useState } from 'react';
import { ApiProblem } from '../../api/problem';

export type Loaded<T> =
  { kind: 'loading' } | { kind: 'loaded'; value: T } | { kind: 'failed'; problem: ApiProblem };

/** Loads once per `load` (memoise it on its inputs); `reload` loads again. A late answer of an old load is ignored. */
export function useLoad<T>(load: () => Promise<T>, what: string): Loaded<T> & { reload: () => void } {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    load().then(
      (value) => live && setState({ kind: 'loaded', value }),
      (error: unknown) =>
        live &&
        setState({
          kind: 'failed',
          problem:
            error instanceof ApiProblem && error.status === 404
              ? new ApiProblem(404, error.type, `${what} is nog niet beschikbaar. Probeer het later opnieuw.`)
              : error instanceof ApiProblem
                ? error
                : new ApiProblem(0, 'about:blank', `${what} kon niet worden geladen.`),
        }),
    );
    return () => {
      live = false;
    };
  }, [load, what, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}
