// The built handler as classic Outlook's JavaScript-only runtime gets it: one script, no imports, no DOM.
import { build } from 'esbuild';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { HANDLER_BUDGET_BYTES, handlerBuildOptions } from '../scripts/build-handler.mjs';
import { englishAdvance, vagueChinese } from './fixtures';

let code = '';

beforeAll(async () => {
  const result = await build({ ...handlerBuildOptions('https://api.example'), write: false });
  code = result.outputFiles[0]!.text;
});

type Completed = Record<string, unknown>;

/** A sandbox with only what the JS-only runtime offers: Office, timers, Promise, XMLHttpRequest (no fetch, no DOM). */
function runtime(xhr: { status: number; body?: string; fail?: boolean }) {
  const associated: Record<string, (e: unknown) => void> = {};
  const requests: Array<{ url: string; body: string; headers: Record<string, string> }> = [];
  const ok = (value?: unknown) => ({ status: 'succeeded', value });
  class FakeXhr {
    status = 0;
    responseText = '';
    timeout = 0;
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    ontimeout: (() => void) | null = null;
    private url = '';
    private headers: Record<string, string> = {};
    open(_method: string, url: string) {
      this.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name] = value;
    }
    send(body: string) {
      requests.push({ url: this.url, body, headers: this.headers });
      setTimeout(() => {
        if (xhr.fail) return this.onerror?.();
        this.status = this.url.endsWith('/api/commitments') ? 201 : xhr.status;
        this.responseText = this.url.endsWith('/api/commitments') ? '{}' : (xhr.body ?? '');
        this.onload?.();
      }, 1);
    }
  }
  const item = {
    itemType: 'message',
    subject: { getAsync: (cb: (r: unknown) => void) => cb(ok('s')) },
    body: { getAsync: (_t: string, cb: (r: unknown) => void) => cb(ok('b')) },
    to: { getAsync: (cb: (r: unknown) => void) => cb(ok([{ displayName: 'Dana', emailAddress: 'dana@fabrikam.com' }])) },
    cc: { getAsync: (cb: (r: unknown) => void) => cb(ok([])) },
  };
  const sandbox = {
    Office: {
      actions: { associate: (name: string, fn: (e: unknown) => void) => (associated[name] = fn) },
      context: { displayLanguage: 'zh-CN', mailbox: { item, userProfile: { emailAddress: 'rep@contoso.com' } } },
    },
    XMLHttpRequest: FakeXhr,
    setTimeout,
    clearTimeout,
  };
  vm.runInNewContext(code, sandbox);
  const send = (name: string) => new Promise<Completed>((resolve) => associated[name]!({ completed: resolve }));
  return { associated, requests, send };
}

describe('dist/launchevent.js', () => {
  it('is one self-contained classic script within budget', () => {
    expect(code.length).toBeLessThan(HANDLER_BUDGET_BYTES);
    expect(code).not.toMatch(/\bimport\s*[({"'\w]|\bexport\s|\brequire\(/);
    expect(code).not.toMatch(/\bdocument\.|\bwindow\./);
    expect(code).not.toMatch(/\basync\s+(function|\()|\bawait\s/);
    expect(code).toContain('Office.actions.associate("onMessageSendHandler"');
    expect(code).toContain('Office.actions.associate("onAppointmentSendHandler"');
  });

  it('runs without fetch or a DOM: blocks a vague draft through XMLHttpRequest to the built-in URL', async () => {
    const r = runtime({ status: 200, body: JSON.stringify(vagueChinese()) });
    expect(Object.keys(r.associated).sort()).toEqual(['onAppointmentSendHandler', 'onMessageSendHandler']);
    const result = await r.send('onMessageSendHandler');
    expect(result).toMatchObject({ allowEvent: false, cancelLabel: '插入收尾模板', commandId: 'msgComposeOpenPaneButton' });
    expect(r.requests[0]!.url).toBe('https://api.example/api/analyses');
    expect(r.requests[0]!.headers.Authorization).toBeUndefined(); // local mode: no token
  });

  it('allows an advance and records it; fails open on a network error', async () => {
    const advance = runtime({ status: 200, body: JSON.stringify(englishAdvance()) });
    expect(await advance.send('onMessageSendHandler')).toEqual({ allowEvent: true });
    expect(advance.requests.map((q) => q.url)).toEqual(['https://api.example/api/analyses', 'https://api.example/api/commitments']);
    const down = runtime({ status: 0, fail: true });
    expect(await down.send('onMessageSendHandler')).toEqual({ allowEvent: true });
  });
});
