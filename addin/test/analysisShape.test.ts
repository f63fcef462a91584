import { describe, expect, it } from 'vitest';
import { readAnalysis } from '../src/logic/analysisShape';
import { englishAdvance, vagueChinese } from './fixtures';

describe('readAnalysis', () => {
  it('keeps a well-formed analysis as it is', () => {
    expect(readAnalysis(vagueChinese())).toEqual(vagueChinese());
    expect(readAnalysis(JSON.parse(JSON.stringify(englishAdvance())))).toEqual(englishAdvance());
  });

  it('refuses what is not an analysis this add-in can read', () => {
    for (const raw of [null, undefined, 'text', 42, [], {}, { outcome: 'continuation' }, { elements: {} }, { ...englishAdvance(), outcome: 'stalled' }]) {
      expect(readAnalysis(raw)).toBeNull();
    }
  });

  it('fills what an older or newer API leaves out, with the right types', () => {
    const a = readAnalysis({ outcome: 'continuation', elements: { date: { present: true, evidence: [{ text: 'Tuesday' }, { text: 7 }] } }, nextStep: 'teaParty' });
    expect(a).toEqual({
      language: 'en',
      analyzedText: '',
      bodyStart: 0,
      ignored: [],
      truncated: false,
      elements: {
        action: { present: false, evidence: [], reason: null },
        attendee: { present: false, evidence: [], reason: null },
        date: { present: true, evidence: [{ start: 0, end: 0, text: 'Tuesday' }], reason: null, resolved: null },
        confirmation: { present: false, evidence: [], reason: null },
      },
      outcome: 'continuation',
      nextStep: null,
      vaguePhrases: [],
      asks: [],
      closingTemplate: { language: 'en', nextStep: null, text: '', html: '' },
    });
  });

  it('drops vague phrases of a kind it cannot word', () => {
    const raw = { ...vagueChinese(), vaguePhrases: [...vagueChinese().vaguePhrases, { start: 1, end: 2, text: 'x', kind: 'vagueMood', suggestion: '' }, { kind: 'vagueTime' }] };
    expect(readAnalysis(raw)!.vaguePhrases).toEqual(vagueChinese().vaguePhrases);
  });
});
