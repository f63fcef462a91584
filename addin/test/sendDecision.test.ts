import { describe, expect, it } from 'vitest';
import {
  blockMessage,
  clipText,
  commitmentFrom,
  decideSend,
  fingerprint,
  isInternalOnly,
  MAX_CANCEL_LABEL,
  MAX_MESSAGE,
  missingElements,
  plainQuote,
} from '../src/logic/sendDecision';
import { englishAdvance, englishVague, vagueChinese } from './fixtures';

describe('decideSend', () => {
  it('fails open without an analysis (API down, timeout, unreadable item)', () => {
    expect(decideSend({ analysis: null, lang: 'en' })).toEqual({ allow: true, why: 'failOpen', record: false });
  });

  it('allows an advance and records it', () => {
    expect(decideSend({ analysis: englishAdvance(), lang: 'en' })).toEqual({ allow: true, why: 'advance', record: true });
    const closed = { ...englishAdvance(), outcome: 'closedLoop' as const };
    expect(decideSend({ analysis: closed, lang: 'zh' })).toMatchObject({ allow: true, record: true });
  });

  it('blocks a continuation once, naming the missing elements and the vague phrases', () => {
    const d = decideSend({ analysis: englishVague(), lang: 'en' });
    expect(d.allow).toBe(false);
    if (d.allow) return;
    expect(d.missing).toEqual(['action', 'attendee', 'date']);
    expect(d.message).toContain('No date: “next week sometime” does not say when.');
    expect(d.message).toContain('No action: “touch base”');
    expect(d.message).toContain('No one named');
    expect(d.message.endsWith('Add the closing template?')).toBe(true);
    expect(d.cancelLabel).toBe('Add closing template');
  });

  it('words the message in Chinese for a Chinese Outlook', () => {
    const d = decideSend({ analysis: vagueChinese(), lang: 'zh' });
    expect(d.allow).toBe(false);
    if (d.allow) return;
    expect(d.message).toBe(
      '缺少行动：“碰一碰”没有说明下一步做什么。缺少参与人：请写明还有谁参加（姓名、职务或团队）。缺少时间：“过两天”没有说明具体什么时候。要插入收尾模板吗？',
    );
    expect(d.cancelLabel).toBe('插入收尾模板');
  });

  it('lets the rep send anyway the second time, and never blocks internal-only mail', () => {
    expect(decideSend({ analysis: englishVague(), lang: 'en', alreadyWarned: true })).toMatchObject({ allow: true, why: 'alreadyWarned' });
    expect(decideSend({ analysis: englishVague(), lang: 'en', internalOnly: true })).toMatchObject({ allow: true, why: 'internalOnly' });
  });

  it('keeps the message within the 500 characters Smart Alerts allows', () => {
    const a = englishVague();
    a.vaguePhrases = a.vaguePhrases.map((v) => ({ ...v, text: v.text.repeat(100) }));
    const message = blockMessage(a, missingElements(a), 'en');
    expect(message.length).toBeLessThanOrEqual(500);
    expect(message).toContain('…');
  });
});

describe('the Smart Alert message is plain text of the product, not the draft', () => {
  const hostile = () => {
    const a = englishVague();
    a.vaguePhrases = [
      { start: 0, end: 1, text: '<img src=x onerror=window.__pwned=1>touch <b>base</b>', kind: 'vagueAction', suggestion: '<script>x</script>' },
      { start: 0, end: 1, text: `next week\u202e<script>alert(1)</script>${'x'.repeat(5000)}`, kind: 'vagueTime', suggestion: '' },
    ];
    a.elements.action.reason = '<img src=x onerror=alert(1)>';
    return a;
  };

  it('strips markup, control and bidi characters from the quotes and keeps them short', () => {
    expect(plainQuote('<img src=x onerror=alert(1)>touch <b>base</b>')).toBe('touch base');
    expect(plainQuote('touch base <img src=x onerror=alert(1)')).toBe('touch base');
    expect(plainQuote('soon\u202e\u200b\n\tplease')).toBe('soon please');
    expect(plainQuote('<script></script>')).toBe('');
    expect(plainQuote('y'.repeat(100))).toHaveLength(40);
  });

  it('never quotes markup, and never more than the two short quotes it means to', () => {
    for (const lang of ['en', 'zh'] as const) {
      const d = decideSend({ analysis: hostile(), lang });
      if (d.allow) throw new Error('must block');
      expect(d.message.length).toBeLessThanOrEqual(MAX_MESSAGE);
      expect(d.message).not.toMatch(/[<>\u202e]|onerror|script|pwned/i);
      expect(d.message).toContain('“touch base”');
      expect(d.message).toContain(`“next week ${'x'.repeat(29)}…”`);
      expect(d.cancelLabel.length).toBeLessThanOrEqual(MAX_CANCEL_LABEL);
    }
  });

  it('a phrase that is only markup is not quoted at all', () => {
    const a = englishVague();
    a.vaguePhrases = [{ start: 0, end: 1, text: '<br>', kind: 'vagueTime', suggestion: '' }];
    expect(blockMessage(a, ['date'], 'en')).toBe('No date: the next step has no day or time. Add the closing template?');
  });

  it('clips without splitting a surrogate pair', () => {
    expect(clipText('ab😀cd', 4)).toBe('ab…');
    expect(clipText('abc', 3)).toBe('abc');
  });
});

describe('helpers', () => {
  it('isInternalOnly compares domains', () => {
    expect(isInternalOnly('me@contoso.com', ['a@contoso.com', 'B@CONTOSO.COM'])).toBe(true);
    expect(isInternalOnly('me@contoso.com', ['a@contoso.com', 'z@fabrikam.com'])).toBe(false);
    expect(isInternalOnly('me@contoso.com', [])).toBe(false);
    expect(isInternalOnly(null, ['a@contoso.com'])).toBe(false);
  });

  it('fingerprint is stable and content-sensitive', () => {
    expect(fingerprint('a', 'b')).toBe(fingerprint('a', 'b'));
    expect(fingerprint('a', 'b')).not.toBe(fingerprint('a', 'c'));
    expect(fingerprint('ab', '')).not.toBe(fingerprint('a', 'b'));
    expect(fingerprint('中文')).toMatch(/^[0-9a-f]{8}$/);
  });

  it('commitmentFrom takes what, who, due and type from the analysis', () => {
    const c = commitmentFrom(englishAdvance(), {
      subject: 'Deep-dive',
      recipients: [{ name: 'Dana', address: 'dana@fabrikam.com' }, { name: 'Dana again', address: 'DANA@fabrikam.com' }],
      itemId: 'AAMk',
      conversationId: 'conv',
      sentAt: '2026-11-27T10:00:00-05:00',
    });
    expect(c).toEqual({
      what: 'a 90-minute technical deep-dive on the migration plan',
      who: [{ name: 'your data engineering team', address: null }, { name: 'Dana', address: 'dana@fabrikam.com' }],
      due: '2026-12-01T14:00:00-05:00',
      nextStep: 'technicalExchange',
      subject: 'Deep-dive',
      sourceMessageId: 'AAMk',
      conversationId: 'conv',
      sentAt: '2026-11-27T10:00:00-05:00',
    });
    const noDate = englishAdvance();
    noDate.elements.date.resolved = null;
    expect(commitmentFrom(noDate, {})?.due).toBeNull();
    expect(commitmentFrom(noDate, { start: '2026-12-02T09:00:00Z' })?.due).toBe('2026-12-02T09:00:00Z');
    const none = englishAdvance();
    none.elements.action.evidence = [];
    expect(commitmentFrom(none, {})).toBeNull();
    // The ask sentence around the action is the clearest "what".
    const withAsk = englishAdvance();
    withAsk.elements.action.evidence = [{ start: 20, end: 30, text: 'deep-dive' }];
    withAsk.asks = [{ start: 11, end: 60, text: 'Could you join   a deep-dive on Tuesday?' }];
    expect(commitmentFrom(withAsk, {})?.what).toBe('Could you join a deep-dive on Tuesday?');
  });
});
