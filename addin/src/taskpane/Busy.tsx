import { firstScreen } from './firstScreenStyles';

/**
 * A progress ring with its text, announced politely: the first screen's stand-in for Fluent's Spinner, which
 * would bring its own styling runtime into the first chunk.
 */
export function Busy({ label }: { label: string }) {
  return (
    <div className={firstScreen.busy} role="status">
      <span className={firstScreen.ring} aria-hidden="true" />
      {label}
    </div>
  );
}
