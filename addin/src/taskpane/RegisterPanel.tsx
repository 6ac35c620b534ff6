import { Suspense, useId } from 'react';
import { Button } from '@fluentui/react-components';
import { firstScreen } from './firstScreenStyles';
import { ProblemBar, RegistrationFields } from './lazyParts';
import { formatDateTime } from './model/dates';
import { useRegisterDraft, type RegisterDraftDeps } from './useRegisterDraft';

export interface RegisterPanelProps extends RegisterDraftDeps {
  /** Opens an earlier complaint of the sender. */
  onOpenComplaint?: ((id: string) => void) | undefined;
}

/** The progress ring inside the button while the registration is sent. */
const sending = <span className={firstScreen.ringTiny} aria-hidden="true" />;

/**
 * Not registered yet: a summary of the e-mail, the fields (a lazy chunk, drawn in the room kept for it), the
 * action(s). "Registreer klacht" is part of the first screen and sends the defaults when pressed before the
 * fields are there.
 */
export function RegisterPanel({ onOpenComplaint, ...deps }: RegisterPanelProps) {
  const headingId = useId();
  const { message } = deps;
  const model = useRegisterDraft(deps);
  const { busy, problem, offer } = model;
  const blocked = busy || model.dateInvalid;

  return (
    <form
      className={firstScreen.form}
      aria-labelledby={headingId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void model.submit('admit');
      }}
    >
      <section className={firstScreen.card}>
        <h2 id={headingId} className={firstScreen.heading}>
          Nog niet geregistreerd
        </h2>
        <div className={firstScreen.summary}>
          <span className={firstScreen.body}>{message.subject || '(geen onderwerp)'}</span>
          <span className={firstScreen.caption}>
            Van {message.from.name} &lt;{message.from.address}&gt;
          </span>
          <span className={firstScreen.caption}>Ontvangen {formatDateTime(message.receivedAt)}</span>
          {message.attachments.length > 0 && (
            <span className={firstScreen.caption}>
              {message.attachments.length === 1 ? '1 bijlage' : `${message.attachments.length} bijlagen`}
              {message.canReadAttachments
                ? ''
                : ' (deze Outlook-versie geeft bijlagen niet door; ze worden niet meegenomen)'}
            </span>
          )}
        </div>
      </section>

      <Suspense fallback={<div className={firstScreen.fieldsPlaceholder} aria-hidden="true" />}>
        <RegistrationFields message={message} model={model} onOpenComplaint={onOpenComplaint} />
      </Suspense>

      {problem && (
        <Suspense fallback={null}>
          <ProblemBar problem={problem} />
        </Suspense>
      )}

      {offer ? (
        <>
          <Button
            type="submit"
            appearance="primary"
            className={firstScreen.wide}
            disabled={blocked}
            aria-busy={busy}
          >
            Registreren en in behandeling nemen
          </Button>
          <Button
            className={firstScreen.wide}
            disabled={blocked}
            aria-busy={busy}
            onClick={() => void model.submit('inadmissible')}
          >
            {offer.ground === 'late'
              ? 'Registreren als niet-ontvankelijk (te laat ingediend)'
              : `Registreren als niet-ontvankelijk (herhaling van ${offer.relatedComplaint?.number ?? ''})`}
          </Button>
          {busy && (
            <div className={firstScreen.busy} role="status">
              {sending}
              Bezig met registreren…
            </div>
          )}
        </>
      ) : (
        <Button
          type="submit"
          appearance="primary"
          className={firstScreen.wide}
          disabled={blocked}
          aria-busy={busy}
          icon={busy ? sending : undefined}
        >
          {busy ? 'Bezig met registreren…' : 'Registreer klacht'}
        </Button>
      )}
    </form>
  );
}
