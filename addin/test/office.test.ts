import { afterEach, describe, expect, it, vi } from 'vitest';
import * as office from '../src/office';
import { outlookMock } from './outlookMock';

afterEach(() => vi.unstubAllGlobals());

describe('office.ts (with office-addin-mock)', () => {
  it('reads a message draft in its own body format', async () => {
    const { office: o } = outlookMock({
      subject: '项目',
      body: '<p>张总，多多照顾</p>',
      bodyType: 'html',
      to: [{ displayName: '张总', emailAddress: 'zhang@kehu.cn' }],
      displayLanguage: 'zh-CN',
    });
    vi.stubGlobal('Office', o);
    expect(office.hasMailbox()).toBe(true);
    expect(office.displayLanguage()).toBe('zh-CN');
    const draft = await office.readDraft({ now: new Date('2026-11-27T02:00:00Z') });
    expect(draft).toMatchObject({
      kind: 'message',
      subject: '项目',
      body: '<p>张总，多多照顾</p>',
      bodyType: 'html',
      to: [{ name: '张总', address: 'zhang@kehu.cn' }],
      cc: [],
    });
    expect(draft.referenceTime).toMatch(/[+-]\d\d:\d\d$/);
  });

  it('reads an appointment with attendees, times and location', async () => {
    const { office: o } = outlookMock({
      kind: 'event',
      subject: 'Deep-dive',
      body: 'Agenda',
      attendees: [{ displayName: 'Dana', emailAddress: 'dana@fabrikam.com' }],
      location: 'Teams',
    });
    vi.stubGlobal('Office', o);
    expect(office.isAppointment()).toBe(true);
    const draft = await office.readDraft({ bodyType: 'text' });
    expect(draft.kind).toBe('event');
    expect(draft.attendees).toEqual([{ name: 'Dana', address: 'dana@fabrikam.com' }]);
    expect(draft.location).toBe('Teams');
    expect(new Date(draft.start!).toISOString()).toBe('2026-12-01T06:00:00.000Z');
    expect(new Date(draft.end!).toISOString()).toBe('2026-12-01T07:00:00.000Z');
  });

  it('caps a huge body (a long thread below the reply) below the API request limit', async () => {
    const { office: o } = outlookMock({ body: '回'.repeat(office.MAX_BODY_CHARS + 5000) });
    vi.stubGlobal('Office', o);
    const draft = await office.readDraft({ bodyType: 'text' });
    expect(draft.body).toHaveLength(office.MAX_BODY_CHARS);
    expect(Buffer.byteLength(JSON.stringify(draft), 'utf8')).toBeLessThan(1024 * 1024);
  });

  it('turns a failed async result into a rejected promise', async () => {
    const { office: o } = outlookMock({ failBody: true });
    vi.stubGlobal('Office', o);
    await expect(office.readDraft()).rejects.toThrow('body unavailable');
  });

  it('inserts at the cursor with the coercion type asked for', async () => {
    const { office: o, state } = outlookMock({ bodyType: 'html' });
    vi.stubGlobal('Office', o);
    expect(await office.getBodyType()).toBe('html');
    await office.insertAtCursor('<p>x</p>', 'html');
    expect(state.inserted).toEqual([{ data: '<p>x</p>', coercionType: 'html' }]);
  });

  it('subscribes to recipient changes, and to time changes for appointments', async () => {
    const m = outlookMock();
    vi.stubGlobal('Office', m.office);
    const remove = await office.onItemChanged(() => {});
    expect(m.state.handlers).toEqual(['olkRecipientsChanged']);
    await remove();
    expect(m.state.handlers).toEqual([]);
    const a = outlookMock({ kind: 'event' });
    vi.stubGlobal('Office', a.office);
    await office.onItemChanged(() => {});
    expect(a.state.handlers).toEqual(['olkRecipientsChanged', 'olkAppointmentTimeChanged']);
  });

  it('opens a new appointment form, or says it is unsupported', async () => {
    const m = outlookMock();
    vi.stubGlobal('Office', m.office);
    const start = new Date('2026-12-01T06:00:00Z');
    await office.displayNewAppointment({ subject: 'S', body: 'B', start, end: start, requiredAttendees: ['a@b.c'] });
    expect(m.state.newAppointments).toHaveLength(1);
    delete m.office.context.mailbox.displayNewAppointmentFormAsync;
    await expect(office.displayNewAppointment({ subject: 'S', body: 'B', start, end: start, requiredAttendees: [] })).rejects.toThrow('unsupported');
  });

  it('session data round-trips and is null where missing', async () => {
    const m = outlookMock();
    vi.stubGlobal('Office', m.office);
    expect(await office.getSessionValue('k')).toBeNull();
    await office.setSessionValue('k', 'v');
    expect(await office.getSessionValue('k')).toBe('v');
    vi.stubGlobal('Office', outlookMock({ withSessionData: false }).office);
    expect(await office.getSessionValue('k')).toBeNull();
  });

  it('knows when there is no Office at all', async () => {
    vi.stubGlobal('Office', undefined);
    expect(office.hasMailbox()).toBe(false);
    expect(await office.whenOfficeReady(10)).toBe(false);
  });

  it('reads the theme', () => {
    const m = outlookMock();
    m.office.context.officeTheme = { bodyBackgroundColor: '#1f1f1f' };
    vi.stubGlobal('Office', m.office);
    expect(office.isDarkTheme()).toBe(true);
    m.office.context.officeTheme = { bodyBackgroundColor: '#ffffff' };
    expect(office.isDarkTheme()).toBe(false);
  });
});
