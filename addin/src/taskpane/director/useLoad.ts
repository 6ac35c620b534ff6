import { useCallback, useEffect, useState } from 'react';
import { ApiProblem, toApiProblem } from '../../api/problem';

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
          problem: toApiProblem(
            error,
            `${what} kon niet worden geladen.`,
            `${what} is nog niet beschikbaar. Probeer het later opnieuw.`,
          ),
        }),
    );
    return () => {
      live = false;
    };
  }, [load, what, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}
