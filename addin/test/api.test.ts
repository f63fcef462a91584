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
  });
});

describe('lenient readers', () => {
  it('reads invite suggestions in either flat or Graph-like shape', () => {
    const flat = normalizeInvite({
      subject: '技术交流会',
      body: '议程',
      requiredAttendees: [{ name: '张总', address: 'zhang@kehu.cn' }],
      durationMinutes: 90,
      candidates: [{ start: '2026-12-01T14:00:00+08:00', end: '2026-12-01T15:30:00+08:00', confidence: 100 }],
    });
    expect(flat.durationMinutes).toBe(90);
    expect(flat.candidates[0]!.confidence).toBe(100);
    const graphish = normalizeInvite({
      invite: { subject: 'S', attendees: [{ emailAddress: { name: 'Dana', address: 'd@f.com' } }] },
      candidates: [{ meetingTimeSlot: { start: { dateTime: '2026-12-01T14:00:00' }, end: { dateTime: '2026-12-01T15:00:00' } }, confidence: 50, suggestionReason: 'Suggested because it is one of the nearest times.' }],
      emptySuggestionsReason: null,
    });
    expect(graphish.requiredAttendees).toEqual([{ name: 'Dana', address: 'd@f.com' }]);
    expect(graphish.candidates[0]).toMatchObject({ start: '2026-12-01T14:00:00', reason: 'Suggested because it is one of the nearest times.' });
    expect(graphish.durationMinutes).toBe(60);
  });

  it('reads commitments from an array or {items}', () => {
    expect(normalizeCommitments({ items: [{ id: 'a', what: 'deck', who: [{ name: '刘总' }], due: '2026-12-01', status: 'overdue' }] })).toEqual([
      { id: 'a', what: 'deck', who: ['刘总'], due: '2026-12-01', nextStep: null, status: 'overdue', subject: null, conversationId: null, createdAt: null },
    ]);
    expect(normalizeCommitments(null)).toEqual([]);
  });
});
