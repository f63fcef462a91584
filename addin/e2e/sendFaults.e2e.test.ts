// The REAL built send handler (dist/launchevent.js, loaded by dist/commands.html) in Chromium, with the Office
// stub as the mailbox and the API answered by route interception: down, silent, slow, failing, refusing.
// Whatever the API does, the handler must call event.completed once, allowing the send, within its budget.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYSIS_TIMEOUT_MS, HARD_DEADLINE_MS, RECORD_TIMEOUT_MS } from '../src/launchevent';
import { decideSend } from '../src/logic/sendDecision';
import { englishAdvance as advanceAnalysis, englishVague as vagueEnAnalysis, vagueChinese as vagueZhAnalysis } from '../test/fixtures';
import { FakeSite, problem, stallingServer, type Reply } from './fakeSite';
import { buildAddin, completions, fireSend, launchBrowser, openSendRuntime, pageWithOffice, type Browser, type Completion, type Seed } from './harness';
import { englishAdvance, englishVague, vagueChinese } from './seeds';

/** What a late or failing answer would have said had it been read: block. */
const BLOCKING = { json: vagueEnAnalysis() };
/** Slack for a loaded 2-core machine on top of each budget. */
const MARGIN_MS = 500;
/** An answer the handler could not use comes back at once: decided well before the API timeout. */
const FAST_MS = 1000;

let browser: Browser;
const figures: string[] = [];

beforeAll(async () => {
  buildAddin();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  console.log(`[send handler under faults] elapsed to event.completed:\n  ${figures.join('\n  ')}`);
});

async function sendRuntime(seed: Seed, analyses: Reply, ledger: Reply = { status: 201, json: { id: 'c1' } }, existing?: FakeSite) {
  const site = existing ?? (await FakeSite.create());
  site.on('POST', '/api/analyses', analyses).on('POST', '/api/commitments', ledger);
  const page = await pageWithOffice(browser, seed);
  await site.attach(page);
  await openSendRuntime(page, site.origin);
  return { site, page };
}

/** Fires the send, then waits past any late answer to check that event.completed was called exactly once. */
async function sendOnce(page: Page, settleMs = 300): Promise<Completion> {
  const first = await fireSend(page);
  await page.waitForTimeout(settleMs);
  expect(await completions(page)).toHaveLength(1);
  return first;
}

interface FaultCase {
  name: string;
  reply: Reply;
  /** Elapsed time to event.completed: [at least, below]. */
  within: [number, number];
  /** How long to keep watching for a second event.completed (a late answer). */
  settleMs?: number;
}

const timedOut: [number, number] = [ANALYSIS_TIMEOUT_MS - 100, ANALYSIS_TIMEOUT_MS + MARGIN_MS];
const faults: FaultCase[] = [
  { name: 'connection refused (nothing listens)', reply: { passThrough: true }, within: [0, FAST_MS] },
  { name: 'connection refused (simulated)', reply: { network: 'connectionrefused' }, within: [0, FAST_MS] },
  { name: 'connection reset', reply: { network: 'connectionreset' }, within: [0, FAST_MS] },
  { name: 'offline (internet disconnected)', reply: { network: 'internetdisconnected' }, within: [0, FAST_MS] },
  { name: 'name not resolved', reply: { network: 'namenotresolved' }, within: [0, FAST_MS] },
  { name: 'never answers', reply: { hang: true }, within: timedOut },
  { name: 'answers (block) after 3 s', reply: { ...BLOCKING, afterMs: 3000 }, within: timedOut, settleMs: 1500 },
  { name: 'answers (block) after 10 s', reply: { ...BLOCKING, afterMs: 10_000 }, within: timedOut, settleMs: 8500 },
  { name: 'network error after 1.5 s', reply: { network: 'timedout', afterMs: 1500 }, within: [1400, 1500 + MARGIN_MS] },
  { name: '500 ProblemDetails', reply: problem(500, 'Unexpected error', 'The server could not complete the request.'), within: [0, FAST_MS] },
  { name: '503 ProblemDetails', reply: problem(503, 'Service Unavailable'), within: [0, FAST_MS] },
  { name: '502 HTML error page (proxy)', reply: { status: 502, contentType: 'text/html', body: '<html><body><h1>502 Bad Gateway</h1></body></html>' }, within: [0, FAST_MS] },
  { name: '200 HTML page (captive portal)', reply: { status: 200, contentType: 'text/html', body: '<!doctype html><title>Sign in to Wi-Fi</title>' }, within: [0, FAST_MS] },
  { name: '200 malformed JSON', reply: { status: 200, contentType: 'application/json', body: '{"outcome":"continuation","elements":{' }, within: [0, FAST_MS] },
  { name: '200 JSON of another shape', reply: { status: 200, json: { outcome: 'continuation' } }, within: [0, FAST_MS] },
  { name: '200 JSON null', reply: { status: 200, contentType: 'application/json', body: 'null' }, within: [0, FAST_MS] },
  { name: '200 empty body', reply: { status: 200, body: '' }, within: [0, FAST_MS] },
  { name: '401 ProblemDetails (no or expired token)', reply: problem(401, 'Sign-in required', 'Send a bearer token.'), within: [0, FAST_MS] },
  { name: '403 ProblemDetails', reply: problem(403, 'Not allowed'), within: [0, FAST_MS] },
  { name: '413 ProblemDetails', reply: problem(413, 'Request body too large'), within: [0, FAST_MS] },
  { name: '429 Too Many Requests', reply: problem(429, 'Too Many Requests'), within: [0, FAST_MS] },
];

describe('the built send handler when the API is down, slow or failing', () => {
  it.each(faults)('$name → allows the send once, in budget', async ({ name, reply, within, settleMs }) => {
    const { site, page } = await sendRuntime(englishVague, reply);
    const result = await sendOnce(page, settleMs);
    figures.push(`${name}: ${result.ms.toFixed(0)} ms, ${JSON.stringify(result.options)}`);
    expect(result.options).toEqual({ allowEvent: true });
    expect(result.ms).toBeGreaterThanOrEqual(within[0]);
    expect(result.ms).toBeLessThan(within[1]);
    expect(site.sent('POST', '/api/commitments')).toEqual([]); // nothing recorded without an analysis
    await page.close();
  });

  it('headers then a stalled body (a real server) → the API timeout allows the send', async () => {
    const site = await FakeSite.create();
    const stalling = await stallingServer(site);
    const { page } = await sendRuntime(englishVague, { passThrough: true }, undefined, site);
    const result = await sendOnce(page);
    figures.push(`200 headers, body stalls: ${result.ms.toFixed(0)} ms, ${JSON.stringify(result.options)}`);
    expect(result.options).toEqual({ allowEvent: true });
    expect(result.ms).toBeGreaterThanOrEqual(timedOut[0]);
    expect(result.ms).toBeLessThan(timedOut[1]);
    await page.close();
    await stalling.close();
  });

  it('Outlook never hands over the body → the hard deadline allows the send', async () => {
    const { site, page } = await sendRuntime({ ...englishVague, stallBody: true }, BLOCKING);
    const result = await sendOnce(page);
    figures.push(`body never read: ${result.ms.toFixed(0)} ms, ${JSON.stringify(result.options)}`);
    expect(result.options).toEqual({ allowEvent: true });
    expect(result.ms).toBeGreaterThanOrEqual(HARD_DEADLINE_MS - 100);
    expect(result.ms).toBeLessThan(HARD_DEADLINE_MS + MARGIN_MS);
    expect(site.requests).toEqual([]);
    await page.close();
  });

  it('an advance whose ledger POST hangs or fails is still allowed, the ledger costing at most its own budget', async () => {
    const hang = await sendRuntime(englishAdvance, { json: advanceAnalysis() }, { hang: true });
    const slowLedger = await sendOnce(hang.page);
    expect(slowLedger.options).toEqual({ allowEvent: true });
    expect(slowLedger.ms).toBeGreaterThanOrEqual(RECORD_TIMEOUT_MS - 100);
    expect(slowLedger.ms).toBeLessThan(RECORD_TIMEOUT_MS + MARGIN_MS);

    const failing = await sendRuntime(englishAdvance, { json: advanceAnalysis() }, problem(500, 'Unexpected error'));
    const failedLedger = await sendOnce(failing.page);
    expect(failedLedger.options).toEqual({ allowEvent: true });
    expect(failedLedger.ms).toBeLessThan(FAST_MS);

    // Both budgets spent back to back (a slow analysis, then a silent ledger) still end before the hard deadline.
    const worst = await sendRuntime(englishAdvance, { json: advanceAnalysis(), afterMs: ANALYSIS_TIMEOUT_MS - 300 }, { hang: true });
    const both = await sendOnce(worst.page);
    expect(both.options).toEqual({ allowEvent: true });
    expect(both.ms).toBeLessThan(HARD_DEADLINE_MS);
    figures.push(
      `advance, ledger hangs: ${slowLedger.ms.toFixed(0)} ms; ledger 500: ${failedLedger.ms.toFixed(0)} ms; ` +
        `analysis at 1.7 s + ledger hangs: ${both.ms.toFixed(0)} ms (all allowed)`,
    );
    for (const p of [hang.page, failing.page, worst.page]) await p.close();
  });
});

describe('the built send handler on the normal path (API answering)', () => {
  it('a continuation is soft-blocked once, with the localized message; sent again unchanged, it goes', async () => {
    const { site, page } = await sendRuntime(vagueChinese, { json: vagueZhAnalysis() });
    const first = await sendOnce(page);
    const expected = decideSend({ analysis: vagueZhAnalysis(), lang: 'zh' });
    if (expected.allow) throw new Error('the fixture must block');
    expect(first.options).toEqual({
      allowEvent: false,
      errorMessage: expected.message,
      cancelLabel: '插入收尾模板',
      commandId: 'msgComposeOpenPaneButton',
      contextData: JSON.stringify({ source: 'smartAlert', missing: ['action', 'attendee', 'date'] }),
      sendModeOverride: 'promptUser',
    });
    expect(first.options.errorMessage).toContain('缺少时间：“过两天”');
    expect(site.sent('POST', '/api/analyses')[0]).toMatchObject({ kind: 'message', bodyType: 'text', subject: '今天聊的事', to: [{ name: '李哥', address: 'li@qudao.cn' }] });

    const again = await fireSend(page);
    expect(again.options).toEqual({ allowEvent: true });
    expect(site.sent('POST', '/api/commitments')).toEqual([]);
    figures.push(`continuation (normal path): blocked in ${first.ms.toFixed(0)} ms, then allowed in ${again.ms.toFixed(0)} ms`);
    await page.close();
  });

  it('an advance is allowed and its commitment POSTed to the ledger', async () => {
    const { site, page } = await sendRuntime(englishAdvance, { json: advanceAnalysis() });
    const result = await sendOnce(page);
    expect(result.options).toEqual({ allowEvent: true });
    const [entry] = site.sent('POST', '/api/commitments');
    expect(entry).toMatchObject({
      what: 'a 90-minute technical deep-dive on the migration plan',
      due: '2026-12-01T14:00:00-05:00',
      nextStep: 'technicalExchange',
      subject: 'Budget owner',
      conversationId: 'AAQkStubConversation',
    });
    expect((entry as { who: unknown[] }).who).toContainEqual({ name: 'Ian Brooks', address: 'ian@fabrikam.com' });
    figures.push(`advance (normal path): allowed and recorded in ${result.ms.toFixed(0)} ms`);
    await page.close();
  });

  it('a draft full of markup and very long: the alert stays plain, short text of the product', async () => {
    const markup = '<img src=x onerror=window.__pwned=1><script>window.__pwned=2</script><a href="javascript:window.__pwned=3">link</a>';
    const seed: Seed = { ...englishVague, subject: `Hi ${markup}`, body: `Let's <b>touch base</b> ${markup} next week sometime. ${'Thread. '.repeat(40_000)}` };
    // As if the engine quoted the markup: each vague phrase and reason carries it, one phrase is 5,000 characters.
    const hostile = vagueEnAnalysis();
    hostile.vaguePhrases = hostile.vaguePhrases.map((v, i) => ({ ...v, text: `${markup}${v.text}${i ? 'y'.repeat(5000) : ''}`, suggestion: markup }));
    hostile.elements.action.reason = markup;
    for (const lang of ['en-US', 'zh-CN']) {
      const { site, page } = await sendRuntime({ ...seed, displayLanguage: lang }, { json: hostile });
      const result = await sendOnce(page);
      const message = String(result.options.errorMessage);
      expect(result.options.allowEvent).toBe(false);
      expect(message.length).toBeLessThanOrEqual(500); // Smart Alerts: errorMessage ≤ 500 characters
      expect(message).not.toMatch(/[<>]|onerror|script|javascript:|pwned|Thread\./i);
      // Only the intended quotes: the phrases' text (a link's text stays text), the long one clipped to 40 characters.
      expect(message).toContain('“link touch base”');
      expect(message).toMatch(/“link next week sometimey+…”/);
      expect(String(result.options.cancelLabel).length).toBeLessThanOrEqual(20);
      expect(JSON.parse(String(result.options.contextData))).toEqual({ source: 'smartAlert', missing: ['action', 'attendee', 'date'] });
      const sentBody = (site.sent('POST', '/api/analyses')[0] as { body: string }).body;
      expect(sentBody.length).toBeLessThanOrEqual(200_000); // MAX_BODY_CHARS: a long thread is cut, not refused
      expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
      figures.push(`markup + ${seed.body!.length} chars draft (${lang}): blocked in ${result.ms.toFixed(0)} ms, message ${message.length} chars`);
      await page.close();
    }
  });

  it('an invite uses the appointment pane command', async () => {
    const invite: Seed = { kind: 'event', subject: 'Catch up', body: 'touch base', attendees: [{ name: 'Dana', address: 'dana@fabrikam.com' }] };
    const { page } = await sendRuntime(invite, { json: vagueEnAnalysis() });
    await page.waitForFunction(() => !!(window as any).__officeStub.associated.onAppointmentSendHandler);
    const result = await fireSend(page, 'onAppointmentSendHandler');
    expect(result.options).toMatchObject({ allowEvent: false, commandId: 'apptOrganizerOpenPaneButton', cancelLabel: 'Add closing template' });
    await page.close();
  });
});
