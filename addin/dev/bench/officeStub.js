// Dev only: served instead of Microsoft's office.js when bench/addin.bench.ts loads the production pane.
// A received e-mail is open, Nested App Authentication is missing, and the sign-in dialog answers at once
// with a token (so the benchmark runs the production code path without Entra ID).
(function () {
  var b64 = function (o) {
    return btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  };
  var token =
    b64({ alg: 'none' }) +
    '.' +
    b64({ roles: ['Klachtbehandelaar'], name: 'Bench', preferred_username: 'bench@example.org' }) +
    '.x';
  var ok = function (cb, value) {
    setTimeout(function () {
      cb({ status: 'succeeded', value: value, error: { message: '' } });
    }, 0);
  };
  var item = {
    itemType: 'message',
    itemId: 'AAMkBench',
    internetMessageId: '<bench@example.org>',
    conversationId: 'conv-bench',
    subject: 'Klacht over de cursus',
    from: { displayName: 'Femke Dijkstra', emailAddress: 'femke@example.org' },
    dateTimeCreated: new Date('2026-03-02T09:14:00+01:00'),
    attachments: [],
    body: {
      getAsync: function (_t, cb) {
        ok(cb, 'Tekst van de klacht.');
      },
    },
  };
  window.Office = {
    onReady: function () {
      return Promise.resolve({ host: 'Outlook' });
    },
    context: {
      mailbox: {
        item: item,
        convertToRestId: function (id) {
          return id;
        },
        addHandlerAsync: function () {},
      },
      officeTheme: { bodyBackgroundColor: '#ffffff' },
      requirements: {
        isSetSupported: function (name) {
          return name === 'Mailbox';
        },
      },
      ui: {
        displayDialogAsync: function (_url, _options, cb) {
          var handlers = {};
          ok(cb, {
            addEventHandler: function (type, h) {
              handlers[type] = h;
            },
            close: function () {},
          });
          setTimeout(function () {
            handlers.dialogMessageReceived({
              message: JSON.stringify({ kind: 'token', accessToken: token, expiresOn: Date.now() + 3600000 }),
              origin: window.location.origin,
            });
          }, 0);
        },
      },
    },
    CoercionType: { Text: 'text' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: {
      ItemChanged: 'olkItemSelectedChanged',
      DialogMessageReceived: 'dialogMessageReceived',
      DialogEventReceived: 'dialogEventReceived',
    },
    MailboxEnums: {
      ItemType: { Message: 'message', Appointment: 'appointment' },
      AttachmentType: { File: 'file' },
      AttachmentContentFormat: { Base64: 'base64' },
      RestVersion: { v2_0: 'v2.0' },
    },
  };
})();
