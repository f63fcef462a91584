import { describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError, normalizeCommitments, normalizeInvite } from '../src/api';
import { vagueChinese } from './fixtures';

const json = (v: unknown, status = 200) => new Response(JSON.stringify(v), { status, headers: { 'Content-Type': 'application/json' } });

describe('ApiClient', () => {
  it('posts the draft and returns the analysis', async () => {
    const fetchImpl = vi.fn(async () => json(vagueChinese()));
    const api = new ApiClient({ baseUrl: 'http://x/', fetchImpl: fetchImpl as unknown as typeof fetch });
    const a = await api.analyze({ kind: 'message', bodyType: 'text', subject: 's', body: 'b' });
    expect(a.outcome).toBe('continuation');
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://x/api/analyses');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>).Authorization).toBeUndefined();
  });

  it('sends a bearer token when signed in', async () => {
    const fetchImpl = vi.fn(async () => json([]));
    const api = new ApiClient({ fetchImpl: fetchImpl as unknown as typeof fetch, getToken: async () => 'tok' });
    await api.commitments('open');
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/commitments?status=open');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
  });

  it('classifies failures: unreachable, timeout, ProblemDetails, invalid', async () => {
    const down = new ApiClient({ fetchImpl: (async () => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch });
    await expect(down.analyze({ kind: 'message', bodyType: 'text' })).rejects.toMatchObject({ kind: 'unreachable' });

    const hang = new ApiClient({
      timeoutMs: 50,
      fetchImpl: ((_u: string, init: RequestInit) =>
        new Promise((_r, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))))) as unknown as typeof fetch,
    });
    await expect(hang.analyze({ kind: 'message', bodyType: 'text' })).rejects.toMatchObject({ kind: 'timeout' });

    const bad = new ApiClient({ fetchImpl: (async () => json({ title: 'Bad draft', detail: 'subject is too long', status: 400 }, 400)) as unknown as typeof fetch });
    const err = await bad.analyze({ kind: 'message', bodyType: 'text' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ kind: 'http', status: 400, message: 'subject is too long' });

    const proxy = new ApiClient({ fetchImpl: (async () => new Response('Bad gateway', { status: 502 })) as unknown as typeof fetch });
    await expect(proxy.analyze({ kind: 'message', bodyType: 'text' })).rejects.toMatchObject({ kind: 'unreachable' });

    const weird = new ApiClient({ fetchImpl: (async () => json({ hello: 1 })) as unknown as typeof fetch });
    await expect(weird.analyze({ kind: 'message', bodyType: 'text' })).rejects.toMatchObject({ kind: 'invalid' });
 
    const unknownOutcome = new ApiClient({ fetchImpl: (async () => json({ ...vagueChinese(), outcome: 'stalled' })) as unknown as typeof fetch });
    await expect(unknownOutcome.analyze({ kind: 'message', bodyType: 'text' })).rejects.toMatchObject({ kind: 'invalid' });

    const notProblem = new ApiClient({ fetchImpl: (async () => json('down', 503)) as unknown as typeof fetch });
    await expect(notProblem.analyze({ kind: 'message', bodyType: 'text' })).rejects.toMatchObject({ kind: 'unreachable', status: 503 });
  });

  it('times out a service that sends its headers and then stalls', async () => {
    const stalled = new ApiClient({
      timeoutMs: 50,
      fetchImpl: (async (_u: string, init: RequestInit) => ({
        ok: true,
        status: 200,
        text: () => new Promise((_r, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted')))),
      })) as unknown as typeof fetch,
    });
    await expect(stalled.analyze({ kind: 'message', bodyType: 'text' })).rejects.toMatchObject({ kind: 'timeout' });
  });
});

describe('lenient readers', () => {
  it('reads invite suggestions in either flat or Graph-like shape', () => {
    // The API's InviteSuggestion record.
    const api = normalizeInvite({
      language: 'zh',
      subject: '技术交流会',
      agenda: '议程',
      attendees: [{ name: '张总', address: 'zhang@kehu.cn' }],
      durationMinutes: 90,
      timeZone: 'Asia/Shanghai',
      availabilityChecked: false,
      candidates: [{ start: '2026-12-01T14:00:00+08:00', end: '2026-12-01T15:30:00+08:00', confidence: null, availability: 'unknown', reason: null }],
      emptySuggestionsReason: null,
      note: 'Availability was not checked.',
    });
    expect(api).toMatchObject({ subject: '技术交流会', agenda: '议程', durationMinutes: 90, note: 'Availability was not checked.' });
    expect(api.attendees).toEqual([{ name: '张总', address: 'zhang@kehu.cn' }]);
    expect(api.candidates[0]).toMatchObject({ confidence: null, availability: 'unknown' });
    const graphish = normalizeInvite({
      subject: 'S',
      requiredAttendees: [{ emailAddress: { name: 'Dana', address: 'd@f.com' } }],
      candidates: [{ meetingTimeSlot: { start: { dateTime: '2026-12-01T14:00:00' }, end: { dateTime: '2026-12-01T15:00:00' } }, confidence: 50, suggestionReason: 'Suggested because it is one of the nearest times.' }],
      emptySuggestionsReason: null,
    });
    expect(graphish.attendees).toEqual([{ name: 'Dana', address: 'd@f.com' }]);
    expect(graphish.candidates[0]).toMatchObject({ start: '2026-12-01T14:00:00', reason: 'Suggested because it is one of the nearest times.' });
    expect(graphish.durationMinutes).toBe(60);
  });

  it('reads commitment lists and stalled lists', () => {
    const list = normalizeCommitments({
      items: [{ id: 'a', what: 'deck', who: [{ name: '刘总', address: null }], due: '2026-12-01T10:00:00+08:00', nextStep: 'materials', status: 'open', overdue: true }],
    });
    expect(list.items[0]).toMatchObject({ id: 'a', what: 'deck', who: [{ name: '刘总', address: null }], status: 'open', overdue: true, nextStep: 'materials' });
    const stalled = normalizeCommitments({
      graphConsulted: false,
      note: 'Microsoft Graph was not consulted.',
      items: [{ commitment: { id: 'b', what: 'workshop', who: [], due: '2026-11-20T10:00:00Z', status: 'open', overdue: true }, lastCustomerReplyAt: null, reason: 'Past due and still open.' }],
    });
    expect(stalled.note).toBe('Microsoft Graph was not consulted.');
    expect(stalled.items[0]).toMatchObject({ id: 'b', what: 'workshop', reason: 'Past due and still open.' });
    expect(normalizeCommitments(null)).toEqual({ items: [], note: null });
  });
});
