import { firstScreen } from './firstScreenStyles';

/** In place of the registration's fields when their chunk could not be loaded (the network is gone). */
export function FieldsUnavailable() {
  return (
    <div className={firstScreen.caption} role="status">
      De velden voor de registratie konden niet worden geladen. U kunt de klacht registreren met de
      voorgestelde gegevens, of het taakvenster sluiten en opnieuw openen om ze aan te passen.
    </div>
  );
}
