/**
 * office.js for the sign-in fallback: the capability check, the dialog the pane opens, and the message the
 * dialog page sends back. Kept here so the rest of the pane stays free of office.js.
 */

/** Whether Outlook can broker tokens for the pane (Nested App Authentication). */
export function supportsNestedAppAuth(): boolean {
  if (typeof Office === 'undefined') return false;
  return Office.context?.requirements?.isSetSupported('NestedAppAuth', '1.1') ?? false;
}

/** Opens `url` in an Office dialog and resolves with the first message it sends; rejects when it closes. */
export function openAuthDialog(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(
      url,
      { height: 60, width: 30, promptBeforeOpen: false },
      (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          reject(new Error(`Het aanmeldvenster kon niet worden geopend (${result.error.code}).`));
          return;
        }
        const dialog = result.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
          dialog.close();
          // Only our own sign-in page may answer. Clients with DialogOrigin 1.1 tell the sender's origin; older
          // ones leave it undefined but only deliver messages from a page of the pane's own domain.
          const fromUs =
            'message' in arg && (arg.origin === undefined || arg.origin === window.location.origin);
          if (fromUs) resolve(arg.message);
          else reject(new Error('Het aanmeldvenster gaf geen geldig antwoord.'));
        });
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () =>
          reject(new Error('Het aanmeldvenster is gesloten voordat u was aangemeld.')),
        );
      },
    );
  });
}

/** Inside the dialog page: hands the result to the pane. */
export function sendToParent(message: string): void {
  Office.context.ui.messageParent(message);
}
