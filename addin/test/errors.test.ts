import { describe, expect, it } from 'vitest';
import { translator } from '../src/i18n';
import { cleanDetail, describeError } from '../src/logic/errors';
import type { PaneError } from '../src/state';

const http = (status: number, detail: string | null = null): PaneError => ({ kind: 'http', message: detail ?? `HTTP ${status}`, status, detail });
const say = (e: PaneError, lang: 'en' | 'zh' = 'en') => {
  const w = describeError(e, 'https://oc.example');
  return { text: translator(lang)(w.key, ...w.args), detail: w.detail };
};

describe('describeError', () => {
  it('words each failure for the rep, by kind and status', () => {
    expect(say({ kind: 'unreachable', message: 'Failed to fetch' }).text).toMatch(/^Cannot reach the OutlookCommit service \(https:\/\/oc\.example\)/);
    expect(say({ kind: 'timeout', message: 'x' }).text).toMatch(/did not answer in time/);
    expect(say({ kind: 'invalid', message: 'The answer was not JSON' }).text).toMatch(/cannot read/);
    expect(say(http(413, 'The request body is larger than 1048576 bytes.'))).toEqual({ text: expect.stringMatching(/^This draft is too large to check/), detail: null });
    expect(say(http(415, 'Send the request body as JSON.'))).toEqual({ text: expect.stringMatching(/do not match \(HTTP 415\)/), detail: null });
    expect(say(http(401)).text).toMatch(/sign-in \(HTTP 401\)/);
    expect(say(http(403)).text).toMatch(/sign-in \(HTTP 403\)/);
    expect(say(http(429)).text).toMatch(/busy/);
    expect(say(http(400, 'The request body is not valid at $.start.'))).toEqual({
      text: 'The OutlookCommit service could not read this draft (HTTP 400).',
      detail: 'The request body is not valid at $.start.',
    });
    expect(say(http(503, 'Graph is not configured.'))).toEqual({ text: expect.stringMatching(/had a problem \(HTTP 503\)/), detail: 'Graph is not configured.' });
    expect(say(http(404, 'No such commitment.')).text).toBe('The OutlookCommit service reported a problem (HTTP 404).');
  });

  it('speaks Chinese in a Chinese pane', () => {
    expect(say(http(413), 'zh').text).toMatch(/^草稿太长，无法检查。/);
    expect(say(http(500), 'zh').text).toBe('OutlookCommit 服务出现问题（HTTP 500）。草稿没有改动；请稍后重试。');
  });
});

describe('cleanDetail', () => {
  it('keeps a short, useful sentence on one line', () => {
    expect(cleanDetail('  At least one\n recipient is required. ')).toBe('At least one recipient is required.');
    expect(cleanDetail('x'.repeat(500))).toHaveLength(200);
    expect(cleanDetail('')).toBeNull();
    expect(cleanDetail(null)).toBeNull();
  });

  it('drops stack traces, exception types and HTML pages', () => {
    expect(cleanDetail('System.InvalidOperationException: Sequence contains no elements\n   at System.Linq.Enumerable.First()')).toBeNull();
    expect(cleanDetail('boom\n    at handler (/srv/app.js:10:5)')).toBeNull();
    expect(cleanDetail('in AnalysesApi.cs:line 42')).toBeNull();
    expect(cleanDetail('Traceback (most recent call last): File "x.py"')).toBeNull();
    expect(cleanDetail('<!DOCTYPE html><html><body>Error</body></html>')).toBeNull();
  });
});

describe('translator', () => {
  it('an unknown key never breaks the pane', () => {
    expect(translator('en')('nope' as never)).toBe('');
  });
});
