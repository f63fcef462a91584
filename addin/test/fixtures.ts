import type { DraftAnalysis, ElementReport } from '../src/contract';

const el = (present: boolean, evidence: string[] = [], reason: string | null = null): ElementReport => ({
  present,
  evidence: evidence.map((text, i) => ({ start: i, end: i + text.length, text })),
  reason,
});

/** seed-02 as the engine would answer it: a vague Chinese continuation. */
export function vagueChinese(): DraftAnalysis {
  const analyzedText = '今天聊的事\n\n李哥，以后就让李哥多照顾了。今天聊的这事，李哥你到时确认一下呗，过两天咱们再碰一碰。';
  return {
    language: 'zh',
    analyzedText,
    bodyStart: 7,
    ignored: [],
    truncated: false,
    elements: {
      action: el(false, [], '“碰一碰”没有说明要做什么。'),
      attendee: el(false, [], '除了“你”和“我们”，没有写明谁参加。'),
      date: { ...el(false, [], '“过两天”不是一个具体时间。'), resolved: null },
      confirmation: el(false, [], '没有请对方确认具体的事和时间。'),
    },
    outcome: 'continuation',
    nextStep: null,
    vaguePhrases: [
      { start: 20, end: 23, text: '多照顾', kind: 'vagueAsk', suggestion: '请您帮忙约一下技术团队' },
      { start: 40, end: 43, text: '过两天', kind: 'vagueTime', suggestion: '下周三下午3点' },
      { start: 46, end: 49, text: '碰一碰', kind: 'vagueAction', suggestion: '开一次30分钟的线上会议，确认技术交流的议程' },
    ],
    asks: [],
    closingTemplate: {
      language: 'zh',
      nextStep: null,
      text: '我这边会在【日期】前【我要做的事】。\n想请您【具体的事】，请【参与人】一起参加，时间定在【日期时间】。\n如果您不方便安排，告诉我该和哪位对接。\n【日期】我会给您打电话跟进。\n您看这个时间可以吗？',
      html: '<p>我这边会在【日期】前【我要做的事】。</p><p>想请您【具体的事】，请【参与人】一起参加，时间定在【日期时间】。</p><p>如果您不方便安排，告诉我该和哪位对接。</p><p>【日期】我会给您打电话跟进。</p><p>您看这个时间可以吗？</p>',
    },
  };
}

/** A concrete English follow-up: action, attendee and date, no confirmation. */
export function englishAdvance(): DraftAnalysis {
  return {
    language: 'en',
    analyzedText: 'Deep-dive\n\nHi Dana, our presales architect will run a 90-minute technical deep-dive on the migration plan with your data engineering team on Tuesday, Dec 1 at 2pm.',
    bodyStart: 11,
    ignored: [],
    truncated: false,
    elements: {
      action: el(true, ['a 90-minute technical deep-dive on the migration plan']),
      attendee: el(true, ['your data engineering team']),
      date: { ...el(true, ['Tuesday, Dec 1 at 2pm']), resolved: { start: '2026-12-01T14:00:00-05:00', end: null, text: 'Tuesday, Dec 1 at 2pm' } },
      confirmation: el(false, [], 'The draft does not ask them to confirm the step or the time.'),
    },
    outcome: 'advance',
    nextStep: 'technicalExchange',
    vaguePhrases: [],
    asks: [],
    closingTemplate: { language: 'en', nextStep: 'technicalExchange', text: 'Could you confirm by [date] that [names] can join?', html: '<p>Could you confirm by [date] that [names] can join?</p>' },
  };
}

export function englishVague(): DraftAnalysis {
  const a = vagueChinese();
  return {
    ...a,
    language: 'en',
    analyzedText: 'Catch up\n\nGreat talking today! Let’s touch base next week sometime.',
    vaguePhrases: [
      { start: 30, end: 40, text: 'touch base', kind: 'vagueAction', suggestion: 'a 30-minute call to agree the workshop agenda' },
      { start: 41, end: 59, text: 'next week sometime', kind: 'vagueTime', suggestion: 'Tuesday, Dec 1 at 2pm' },
    ],
  };
}
