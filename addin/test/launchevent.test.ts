import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { englishAdvance, englishVague, vagueChinese } from './fixtures';
import { outlookMock, type MockState } from './outlookMock';

type Completed = Office.SmartAlertsEventCompletedOptions;

async function loadHandler(data: Parameters<typeof outlookMock>[0]) {
  const m = outlookMock(data);
  vi.stubGlobal('Office', m.office);
  vi.resetModules();
  const mod = await import('../src/launchevent');
  return { ...m, mod };
}

function fire(state: MockState, name: string): Promise<Completed> {
  return new Promise((resolve) => state.associated[name]!({ completed: (o: Completed) => resolve(o) }));
}

function jsonResponse(value: unknown, status = 200) {
  return new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } });
}

const customer = [{ displayName: 'Dana', emailAddress: 'dana@fabrikam.com' }];

beforeEach(() => vi.useRealTimers());
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('send handler', () => {
  it('associates both handlers at top level', async () => {
    const { state } = await loadHandler({});
    expect(Object.keys(state.associated).sort()).toEqual(['onAppointmentSendHandler', 'onMessageSendHandler']);
  });

  it('soft-blocks a continuation once, with a localized message and the pane command', async () => {
    const { state } = await loadHandler({ subject: '今天聊的事', body: '过两天咱们再碰一碰', to: customer, displayLanguage: 'zh-CN' });
    const fetchMock = vi.fn(async () => jsonResponse(vagueChinese()));
    vi.stubGlobal('fetch', fetchMock);
    const first = await fire(state, 'onMessageSendHandler');
    expect(first).toMatchObject({
      allowEvent: false,
      cancelLabel: '插入收尾模板',
      commandId: 'msgComposeOpenPaneButton',
      sendModeOverride: 'promptUser',
    });
    expect(first.errorMessage).toContain('缺少时间：“过两天”');
    expect(JSON.parse(first.contextData as string)).toEqual({ source: 'smartAlert', missing: ['action', 'attendee', 'date'] });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://api.test/api/analyses');
    expect(JSON.parse(init.body as string)).toMatchObject({ kind: 'message', bodyType: 'text', subject: '今天聊的事', to: [{ name: 'Dana', address: 'dana@fabrikam.com' }] });

    // Sent again unchanged: the rep has been told once; let it go.
    const second = await fire(state, 'onMessageSendHandler');
    expect(second).toEqual({ allowEvent: true });
  });

  it('uses the appointment pane command for invites', async () => {
    const { state } = await loadHandler({ kind: 'event', subject: 'Catch up', body: 'touch base', attendees: customer });
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(englishVague())));
    const result = await fire(state, 'onAppointmentSendHandler');
    expect(result).toMatchObject({ allowEvent: false, commandId: 'apptOrganizerOpenPaneButton', cancelLabel: 'Add closing template' });
  });

  it('allows an advance and records it in the ledger', async () => {
    const { state } = await loadHandler({ subject: 'Deep-dive', body: 'x', to: customer });
    const fetchMock = vi.fn(async (url: string) => (url.endsWith('/api/analyses') ? jsonResponse(englishAdvance()) : jsonResponse({ id: '1' }, 201)));
    vi.stubGlobal('fetch', fetchMock);
    expect(await fire(state, 'onMessageSendHandler')).toEqual({ allowEvent: true });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    const [url, init] = fetchMock.mock.calls[1] as unknown as [string, RequestInit];
    expect(url).toBe('https://api.test/api/commitments');
    expect(JSON.parse(init.body as string)).toMatchObject({ nextStep: 'technicalExchange', due: '2026-12-01T14:00:00-05:00', conversationId: 'AAQkConv' });
  });

  it('fails open when the API is down', async () => {
    const { state } = await loadHandler({ subject: 's', body: 'b', to: customer });
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('fetch failed'))));
    expect(await fire(state, 'onMessageSendHandler')).toEqual({ allowEvent: true });
  });

  it('fails open when the API answers an error', async () => {
    const { state } = await loadHandler({ subject: 's', body: 'b', to: customer });
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse({ title: 'boom' }, 500)));
    expect(await fire(state, 'onMessageSendHandler')).toEqual({ allowEvent: true });
  });

  it('fails open on an answer that is not an analysis it can read', async () => {
    for (const body of [{ ...englishVague(), outcome: 'stalled' }, { outcome: 'continuation' }, null]) {
      const { state } = await loadHandler({ subject: 's', body: 'b', to: customer });
      vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(body)));
      expect(await fire(state, 'onMessageSendHandler')).toEqual({ allowEvent: true });
    }
  });

  it('fails open within 2 s when the API hangs', async () => {
    const { state } = await loadHandler({ subject: 's', body: 'b', to: customer });
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
      ),
    );
    const started = Date.now();
    expect(await fire(state, 'onMessageSendHandler')).toEqual({ allowEvent: true });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1900);
    expect(elapsed).toBeLessThan(3500); // well before Outlook's 5 s "taking longer" dialog
  });

  it('fails open when Outlook cannot give the body', async () => {
    const { state } = await loadHandler({ failBody: true, to: customer });
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    expect(await fire(state, 'onMessageSendHandler')).toEqual({ allowEvent: true });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('does not block internal-only mail', async () => {
    const { state } = await loadHandler({ subject: 'lunch?', body: 'catch up soon', to: [{ displayName: 'Colleague', emailAddress: 'c@contoso.com' }] });
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(englishVague())));
    expect(await fire(state, 'onMessageSendHandler')).toEqual({ allowEvent: true });
  });
});
