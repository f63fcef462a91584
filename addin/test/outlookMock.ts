// A mock of the Outlook surface the add-in uses, built with office-addin-mock.
import { OfficeMockObject } from 'office-addin-mock';

type Cb = (r: { status: string; value?: unknown; error?: { message: string } }) => void;
const ok = (value?: unknown) => ({ status: 'succeeded', value });

export interface MockItemData {
  kind?: 'message' | 'event';
  subject?: string;
  body?: string;
  bodyType?: 'text' | 'html';
  to?: Array<{ displayName: string; emailAddress: string }>;
  cc?: Array<{ displayName: string; emailAddress: string }>;
  attendees?: Array<{ displayName: string; emailAddress: string }>;
  start?: Date;
  end?: Date;
  location?: string;
  displayLanguage?: string;
  userEmail?: string;
  failBody?: boolean;
  withSessionData?: boolean;
}

export interface MockState {
  inserted: Array<{ data: string; coercionType: string }>;
  handlers: string[];
  session: Record<string, string>;
  associated: Record<string, (event: unknown) => void>;
  newAppointments: unknown[];
}

export function outlookMock(data: MockItemData = {}): { office: any; state: MockState } {
  const state: MockState = { inserted: [], handlers: [], session: {}, associated: {}, newAppointments: [] };
  const recipients = (list: MockItemData['to']) => ({ getAsync: (cb: Cb) => cb(ok(list ?? [])) });
  const item: Record<string, unknown> = {
    itemType: data.kind === 'event' ? 'appointment' : 'message',
    subject: { getAsync: (cb: Cb) => cb(ok(data.subject ?? '')) },
    body: {
      getTypeAsync: (cb: Cb) => cb(ok(data.bodyType ?? 'text')),
      getAsync: (type: string, cb: Cb) =>
        data.failBody ? cb({ status: 'failed', error: { message: 'body unavailable' } }) : cb(ok(type === 'html' && data.bodyType !== 'html' ? `<p>${data.body}</p>` : (data.body ?? ''))),
      setSelectedDataAsync: (d: string, options: { coercionType: string }, cb: Cb) => {
        state.inserted.push({ data: d, coercionType: options.coercionType });
        cb(ok());
      },
    },
    addHandlerAsync: (type: string, _h: unknown, cb: Cb) => {
      state.handlers.push(type);
      cb(ok());
    },
    removeHandlerAsync: (type: string, cb: Cb) => {
      state.handlers = state.handlers.filter((h) => h !== type);
      cb(ok());
    },
    itemId: 'AAMkADraft',
    conversationId: 'AAQkConv',
  };
  if (data.withSessionData !== false) {
    item.sessionData = {
      getAsync: (name: string, cb: Cb) => (name in state.session ? cb(ok(state.session[name])) : cb({ status: 'failed', error: { message: 'not found' } })),
      setAsync: (name: string, value: string, cb: Cb) => {
        state.session[name] = value;
        cb(ok());
      },
    };
  }
  if (data.kind === 'event') {
    item.requiredAttendees = recipients(data.attendees);
    item.optionalAttendees = recipients([]);
    item.start = { getAsync: (cb: Cb) => cb(ok(data.start ?? new Date('2026-12-01T06:00:00Z'))) };
    item.end = { getAsync: (cb: Cb) => cb(ok(data.end ?? new Date('2026-12-01T07:00:00Z'))) };
    item.location = { getAsync: (cb: Cb) => cb(ok(data.location ?? '')) };
  } else {
    item.to = recipients(data.to);
    item.cc = recipients(data.cc);
  }
  const office = new OfficeMockObject(
    {
      context: {
        displayLanguage: data.displayLanguage ?? 'en-US',
        mailbox: {
          item,
          userProfile: { emailAddress: data.userEmail ?? 'rep@contoso.com' },
          displayNewAppointmentFormAsync: (params: unknown, cb: Cb) => {
            state.newAppointments.push(params);
            cb(ok());
          },
        },
      },
      actions: {
        associate: (name: string, fn: (e: unknown) => void) => {
          state.associated[name] = fn;
        },
      },
      onReady: async () => ({ host: 'Outlook', platform: 'OfficeOnline' }),
    },
    'outlook' as never,
  );
  return { office, state };
}
