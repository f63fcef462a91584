// Drafts the browser tests seed into the Office stub.
import type { Seed } from './harness';

// seed-02 of the domain's dev cases: the vague instruction (action, attendee and date all missing).
export const vagueChinese: Seed = {
  subject: '今天聊的事',
  body: '<div>李哥，以后就让李哥多照顾了。今天聊的这事，李哥你到时确认一下呗，过两天咱们再碰一碰。</div>',
  bodyType: 'html',
  to: [{ name: '李哥', address: 'li@qudao.cn' }],
  displayLanguage: 'zh-CN',
};

// dev-en-04: an introduction with a named person and a bounded time.
export const englishAdvance: Seed = {
  subject: 'Budget owner',
  body: 'Hi Ian,\n\nCould you introduce me to your Head of Procurement, Sofia Alvarez? A 15-minute call next Tuesday or Wednesday would be perfect.\n\nAmy',
  bodyType: 'text',
  to: [{ name: 'Ian Brooks', address: 'ian@fabrikam.com' }],
  displayLanguage: 'en-US',
};

export const englishVague: Seed = {
  subject: 'Great meeting',
  body: 'Hi Dana,\n\nGreat talking today! Let’s touch base next week sometime.\n\nBest,\nAmy',
  bodyType: 'text',
  to: [{ name: 'Dana Kim', address: 'dana@fabrikam.com' }],
  displayLanguage: 'en-US',
};

export const xss: Seed = {
  subject: 'Workshop <img src=x onerror=alert(1)>',
  body: 'Hi Dana, <script>window.__pwned = 1; alert(2)</script> <img src=x onerror="window.__pwned = 2; alert(3)"> let us touch base soon.',
  bodyType: 'text',
  to: [{ name: '<b onmouseover=alert(4)>Dana</b>', address: 'dana@fabrikam.com' }],
  displayLanguage: 'en-US',
};
