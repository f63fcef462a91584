import { describe, expect, it } from 'vitest';
import { blockMessage, commitmentFrom, decideSend, fingerprint, isInternalOnly, missingElements } from '../src/logic/sendDecision';
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
