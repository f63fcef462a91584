// A stub of the Office.js surface the add-in uses, injected into the page before its scripts
// (page.addInitScript). installOfficeStub(seed) builds window.Office from a seeded draft and keeps what the
// add-in does in window.__officeStub, so tests can look at the body after "Insert closing template",
// fire item events and call the send handlers.
function installOfficeStub(seed) {
  const ok = (value) => ({ status: 'succeeded', value });
  const state = {
    subject: seed.subject || '',
    body: seed.body || '',
    bodyType: seed.bodyType || 'text',
    to: seed.to || [],
    cc: seed.cc || [],
    attendees: seed.attendees || [],
    start: seed.start ? new Date(seed.start) : null,
    end: seed.end ? new Date(seed.end) : null,
    inserted: [],
    handlers: {},
    session: {},
    newAppointments: [],
    /** Every call of event.completed by a send handler, with its time since the handler was called (ms). */
    completions: [],
  };
  const later = (fn) => setTimeout(fn, 0);
  const recipients = (key) => ({
    getAsync: (cb) => later(() => cb(ok(state[key].map((r) => ({ displayName: r.name || '', emailAddress: r.address || '' }))))),
  });
  const appointment = seed.kind === 'event';
  const item = {
    itemType: appointment ? 'appointment' : 'message',
    itemId: null,
    conversationId: 'AAQkStubConversation',
    subject: { getAsync: (cb) => later(() => cb(ok(state.subject))) },
    body: {
      getTypeAsync: (cb) => later(() => cb(ok(state.bodyType))),
      getAsync: (type, options, cb) => {
        const callback = typeof options === 'function' ? options : cb;
        if (seed.stallBody) return; // Outlook never hands the body over
        later(() => callback(ok(state.body)));
      },
      setSelectedDataAsync: (data, options, cb) => {
        const coercion = (options && options.coercionType) || 'text';
        state.inserted.push({ data, coercionType: coercion });
        if (coercion === 'html' && state.bodyType !== 'html') {
          later(() => cb({ status: 'failed', error: { message: 'HTML into a text body', code: 9000 } }));
          return;
        }
        state.body = state.body + data; // the cursor is at the end of the rep's text
        later(() => cb(ok()));
      },
    },
    getInitializationContextAsync: (cb) => later(() => cb(ok(seed.contextData || ''))),
    addHandlerAsync: (type, handler, cb) => {
      state.handlers[type] = handler;
      later(() => cb && cb(ok()));
    },
    removeHandlerAsync: (type, cb) => {
      delete state.handlers[type];
      later(() => cb && cb(ok()));
    },
    sessionData: {
      getAsync: (name, cb) =>
        later(() => (name in state.session ? cb(ok(state.session[name])) : cb({ status: 'failed', error: { message: 'not found' } }))),
      setAsync: (name, value, cb) => {
        state.session[name] = value;
        later(() => cb(ok()));
      },
    },
  };
  if (appointment) {
    item.requiredAttendees = recipients('attendees');
    item.optionalAttendees = { getAsync: (cb) => later(() => cb(ok([]))) };
    item.start = { getAsync: (cb) => later(() => cb(ok(state.start))) };
    item.end = { getAsync: (cb) => later(() => cb(ok(state.end))) };
    item.location = { getAsync: (cb) => later(() => cb(ok(seed.location || ''))) };
  } else {
    item.to = recipients('to');
    item.cc = recipients('cc');
  }
  const associated = {};
  window.Office = {
    onReady: () => Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' }),
    EventType: { RecipientsChanged: 'olkRecipientsChanged', AppointmentTimeChanged: 'olkAppointmentTimeChanged' },
    CoercionType: { Html: 'html', Text: 'text' },
    MailboxEnums: { SendModeOverride: { PromptUser: 'promptUser' } },
    actions: { associate: (name, fn) => (associated[name] = fn) },
    context: {
      displayLanguage: seed.displayLanguage || 'en-US',
      officeTheme: seed.dark ? { bodyBackgroundColor: '#1f1f1f' } : undefined,
      mailbox: {
        item,
        userProfile: { emailAddress: seed.userEmail || 'rep@contoso.com', displayName: 'Rep' },
      },
    },
  };
  window.__officeStub = {
    state,
    associated,
    /** Changes the recipients and raises RecipientsChanged as Outlook does. */
    setRecipients(to) {
      state.to = to;
      const h = state.handlers.olkRecipientsChanged;
      if (h) h({ type: 'olkRecipientsChanged', changedRecipientFields: { to: true } });
    },
    /** Moves the appointment and raises AppointmentTimeChanged as Outlook does. */
    setTime(start, end) {
      state.start = new Date(start);
      state.end = new Date(end);
      const h = state.handlers.olkAppointmentTimeChanged;
      if (h) h({ type: 'olkAppointmentTimeChanged', start: state.start, end: state.end });
    },
    /**
     * Runs a send handler and resolves with what it first passed to event.completed, and how long it took;
     * every call is also kept in state.completions (a handler must call it exactly once).
     */
    send(name) {
      const started = performance.now();
      return new Promise((resolve) =>
        associated[name]({
          completed: (options) => {
            const call = { options: options || {}, ms: performance.now() - started };
            state.completions.push(call);
            resolve(call);
          },
        }),
      );
    },
  };
}
