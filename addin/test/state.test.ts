import { describe, expect, it } from 'vitest';
import { bootPlan, type BootSignals } from '../src/boot';
import { draftFromPreview } from '../src/logic/previewDraft';
import { parseSmartAlertContext } from '../src/logic/sendDecision';
import { inviteDetailsText, splitBlanks } from '../src/logic/view';
import { initialState, reducer } from '../src/state';
import { englishAdvance, vagueChinese } from './fixtures';

describe('pane state', () => {
  it('keeps the last result while re-analyzing, and the error alongside it', () => {
    let s = reducer(initialState('zh'), { type: 'started', mode: 'outlook', lang: 'zh', dark: false });
    s = reducer(s, { type: 'analysis/start' });
    expect(s.analysis.status).toBe('running');
    s = reducer(s, { type: 'analysis/done', draft: { kind: 'message', bodyType: 'text' }, result: vagueChinese(), at: 1 });
    s = reducer(s, { type: 'analysis/start' });
    expect(s.analysis.result?.outcome).toBe('continuation');
    s = reducer(s, { type: 'analysis/error', error: { kind: 'unreachable', message: 'Failed to fetch' } });
    expect(s.analysis).toMatchObject({ status: 'error', error: { kind: 'unreachable' } });
    expect(s.analysis.result).not.toBeNull();
    s = reducer(s, { type: 'analysis/done', draft: { kind: 'message', bodyType: 'text' }, result: englishAdvance(), at: 2 });
    expect(s.analysis.error).toBeNull();
  });

  it('edits the preview form and removes a commitment marked done from every list', () => {
    let s = reducer(initialState(), { type: 'preview/edit', patch: { subject: 'x', kind: 'event' } });
    expect(s.preview).toMatchObject({ subject: 'x', kind: 'event', body: '' });
    const c = { id: 'a', what: 'w', who: [], status: 'open' as const, overdue: true };
    s = reducer(s, { type: 'commitments/done', open: [], overdue: [c], stalled: [c], stalledNote: null });
    s = reducer(s, { type: 'commitments/markedDone', id: 'a' });
    expect(s.commitments.overdue).toEqual([]);
    expect(s.commitments.stalled).toEqual([]);
  });

  it('turns the preview form into a draft', () => {
    const d = draftFromPreview(
      { kind: 'message', subject: 's', body: 'b', to: 'Dana <d@f.com>', cc: '', attendees: '', start: '', end: '' },
      new Date('2026-11-27T10:00:00Z'),
    );
    expect(d).toMatchObject({ kind: 'message', bodyType: 'text', to: [{ name: 'Dana', address: 'd@f.com' }], cc: [] });
    const e = draftFromPreview({ kind: 'event', subject: 's', body: 'b', to: '', cc: '', attendees: 'a@b.c', start: '2026-12-01T14:00', end: 'bad', })
    expect(e).toMatchObject({ kind: 'event', attendees: [{ address: 'a@b.c' }], end: null });
    expect(e.start).toMatch(/^2026-12-01T14:00:00[+-]\d\d:\d\d$/);
  });
});

describe('Smart Alert context', () => {
  it('reads what the handler passed, and ignores anything else', () => {
    expect(parseSmartAlertContext('{"source":"smartAlert","missing":["date","action","bogus"]}')).toEqual(['action', 'date']);
    expect(parseSmartAlertContext({ source: 'smartAlert', missing: ['attendee'] })).toEqual(['attendee']);
    expect(parseSmartAlertContext('')).toBeNull();
    expect(parseSmartAlertContext('not json')).toBeNull();
    expect(parseSmartAlertContext('{"source":"actionableMessage"}')).toBeNull();
  });
  it('opens the check tab with the banner', () => {
    let s = reducer(initialState(), { type: 'tab', tab: 'commitments' });
    s = reducer(s, { type: 'sendPaused', missing: ['date'] });
    expect(s).toMatchObject({ tab: 'check', sendPaused: ['date'] });
    s = reducer(s, { type: 'analysis/done', draft: { kind: 'message', bodyType: 'text' }, result: vagueChinese(), at: 1 });
    expect(s.sendPaused).toEqual(['date']);
    s = reducer(s, { type: 'analysis/done', draft: { kind: 'message', bodyType: 'text' }, result: englishAdvance(), at: 2 });
    expect(s.sendPaused).toBeNull();
  });
});

describe('boot plan', () => {
  const base: BootSignals = { search: '', hash: '', inFrame: false, nativeBridge: false, officeGlobal: false };
  it('a plain browser tab gets the preview without loading Office.js', () => {
    expect(bootPlan(base)).toBe('preview');
  });
  it('inside Outlook it loads Office.js', () => {
    expect(bootPlan({ ...base, search: '?host=outlook' })).toBe('load-office');
    expect(bootPlan({ ...base, search: '?_host_Info=Outlook$Web$16.01$en-US$$$$0' })).toBe('load-office');
    expect(bootPlan({ ...base, inFrame: true })).toBe('load-office');
    expect(bootPlan({ ...base, nativeBridge: true })).toBe('load-office');
  });
  it('uses an Office global that is already there, unless the preview is asked for', () => {
    expect(bootPlan({ ...base, officeGlobal: true })).toBe('use-office');
    expect(bootPlan({ ...base, officeGlobal: true, search: '?preview' })).toBe('preview');
  });
});

describe('template and invite text', () => {
  it('marks the blanks', () => {
    expect(splitBlanks('我会在【日期】前发 [deck] ___.')).toEqual([
      { text: '我会在', blank: false },
      { text: '【日期】', blank: true },
      { text: '前发 ', blank: false },
      { text: '[deck]', blank: true },
      { text: ' ', blank: false },
      { text: '___', blank: true },
      { text: '.', blank: false },
    ]);
  });
  it('writes copyable invite details', () => {
    const text = inviteDetailsText(
      { subject: 'Deep-dive', agenda: '1. Goals', attendees: [{ name: 'Dana', address: 'd@f.com' }, { name: null, address: 'x@f.com' }] },
      'Tue 2pm',
      { subject: 'Subject', attendees: 'Attendees', time: 'Time', agenda: 'Agenda' },
    );
    expect(text).toBe('Subject: Deep-dive\nAttendees: Dana <d@f.com>; x@f.com\nTime: Tue 2pm\n\nAgenda:\n1. Goals');
  });
});
