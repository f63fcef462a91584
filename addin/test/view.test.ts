import { afterEach, describe, expect, it, vi } from 'vitest';
import { elementRows, outcomeTone, shouldOfferExchange, shouldOfferTemplate, templateInsertion, textToHtml } from '../src/logic/view';
import { debounce, LatestOnly } from '../src/logic/debounce';
import { formatRecipients, isoWithOffset, parseRecipients } from '../src/logic/recipients';
import { missingTranslations, translator, uiLanguage } from '../src/i18n';
import { englishAdvance, vagueChinese } from './fixtures';

describe('elementRows', () => {
  it('lists the four elements in order with evidence or reason', () => {
    const rows = elementRows(englishAdvance());
    expect(rows.map((r) => r.name)).toEqual(['action', 'attendee', 'date', 'confirmation']);
    expect(rows[0]).toMatchObject({ present: true, required: true, evidence: ['a 90-minute technical deep-dive on the migration plan'], reason: null });
    expect(rows[3]).toMatchObject({ present: false, required: false, reason: 'The draft does not ask them to confirm the step or the time.' });
  });

  it('shows the three missing elements of a vague Chinese draft', () => {
    const rows = elementRows(vagueChinese());
    expect(rows.filter((r) => r.required && !r.present).map((r) => r.name)).toEqual(['action', 'attendee', 'date']);
    expect(rows[2]!.reason).toBe('“过两天”不是一个具体时间。');
  });

  it('uses the resolved time when the date has no evidence span', () => {
    const a = englishAdvance();
    a.elements.date.evidence = [];
    expect(elementRows(a)[2]!.evidence).toEqual(['Tuesday, Dec 1 at 2pm']);
  });
});

describe('what to offer', () => {
  it('offers the template until the loop is closed', () => {
    expect(shouldOfferTemplate(vagueChinese())).toBe(true);
    expect(shouldOfferTemplate({ ...englishAdvance(), outcome: 'closedLoop' })).toBe(false);
  });
  it('offers a technical exchange when the type is technical or unknown', () => {
    expect(shouldOfferExchange(null)).toBe(true);
    expect(shouldOfferExchange(vagueChinese())).toBe(true);
    expect(shouldOfferExchange(englishAdvance())).toBe(true);
    expect(shouldOfferExchange({ ...englishAdvance(), nextStep: 'materials' })).toBe(false);
  });
  it('maps outcomes to tones', () => {
    expect(outcomeTone('continuation')).toBe('danger');
    expect(outcomeTone('advance')).toBe('success');
    expect(outcomeTone('closedLoop')).toBe('brand');
  });
});

describe('templateInsertion honours the body type', () => {
  const t = vagueChinese().closingTemplate;
  it('HTML stays HTML', () => {
    expect(templateInsertion('html', t)).toEqual({ coercion: 'html', data: t.html });
  });
  it('text bodies get text, never markup', () => {
    const ins = templateInsertion('text', t);
    expect(ins.coercion).toBe('text');
    expect(ins.data).toContain('【日期】');
    expect(ins.data).not.toContain('<p>');
  });
  it('builds escaped HTML from text when the template has no HTML', () => {
    expect(templateInsertion('html', { ...t, html: '' }).data).toContain('</div><div>');
    expect(textToHtml('<script>alert(1)</script>\n\nx & y')).toBe('<div>&lt;script&gt;alert(1)&lt;/script&gt;</div><div><br></div><div>x &amp; y</div>');
  });
});

describe('debounce', () => {
  afterEach(() => vi.useRealTimers());
  it('runs once after the quiet period, restarting on each trigger', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const d = debounce(fn, 600);
    d.trigger();
    vi.advanceTimersByTime(500);
    d.trigger();
    vi.advanceTimersByTime(500);
    expect(fn).not.toHaveBeenCalled();
    expect(d.pending).toBe(true);
    vi.advanceTimersByTime(100);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(d.pending).toBe(false);
  });
  it('flush runs now and cancels the pending run', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const d = debounce(fn, 600);
    d.trigger();
    d.flush();
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
  });
  it('LatestOnly keeps only the newest ticket', () => {
    const l = new LatestOnly();
    const a = l.next();
    const b = l.next();
    expect(l.isLatest(a)).toBe(false);
    expect(l.isLatest(b)).toBe(true);
  });
});

describe('recipients', () => {
  it('parses names, addresses and Chinese separators', () => {
    expect(parseRecipients('James Wright <james@contoso.com>, mei@contoso.com；刘总 <liu@kehu.cn>, 王主任')).toEqual([
      { name: 'James Wright', address: 'james@contoso.com' },
      { name: null, address: 'mei@contoso.com' },
      { name: '刘总', address: 'liu@kehu.cn' },
      { name: '王主任', address: null },
    ]);
    expect(parseRecipients('  ')).toEqual([]);
    expect(formatRecipients([{ name: 'A', address: 'a@x.cn' }, { name: null, address: 'b@x.cn' }])).toBe('A <a@x.cn>, b@x.cn');
  });
  it('isoWithOffset keeps the local offset', () => {
    expect(isoWithOffset(new Date('2026-11-27T10:00:00Z'))).toMatch(/^2026-11-2\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  });
});

describe('i18n', () => {
  it('chooses Chinese for any zh display language', () => {
    expect(uiLanguage('zh-CN')).toBe('zh');
    expect(uiLanguage('zh-Hans-CN')).toBe('zh');
    expect(uiLanguage('ZH-tw')).toBe('zh');
    expect(uiLanguage('en-US')).toBe('en');
    expect(uiLanguage('fr-FR')).toBe('en');
    expect(uiLanguage(undefined)).toBe('en');
  });
  it('has every string in both languages and fills placeholders', () => {
    expect(missingTranslations()).toEqual([]);
    expect(translator('en')('confidence', 80)).toBe('80% likely free');
    expect(translator('zh')('due', '12月1日')).toBe('截止 12月1日');
  });
});
