// Browser end-to-end tests: the real API (dotnet), the built pane and send handler, Debian's Chromium.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiExists,
  buildAddin,
  fireSend,
  launchBrowser,
  openSendRuntime,
  pageWithOffice,
  screenshotDir,
  startApi,
  watch,
  type Browser,
  type RunningApi,
  type Seed,
} from './harness';
import { englishAdvance, englishVague, vagueChinese, xss } from './seeds';

const run = apiExists() ? describe : describe.skip;

run('pane and send handler against the real API', () => {
  let api: RunningApi;
  let browser: Browser;
  let shots: string;
  const timings: Record<string, number[]> = { firstAnalysisMs: [], handlerBlockMs: [], handlerAllowMs: [] };

  beforeAll(async () => {
    buildAddin();
    api = await startApi();
    browser = await launchBrowser();
    shots = screenshotDir();
    mkdirSync(shots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    const p95 = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]! : NaN);
    console.log(
      `[e2e timings] first analysis shown: ${timings.firstAnalysisMs!.map((x) => x.toFixed(0)).join(', ')} ms; ` +
        `send handler p95 block ${p95(timings.handlerBlockMs!).toFixed(0)} ms, allow+record ${p95(timings.handlerAllowMs!).toFixed(0)} ms ` +
        `(n=${timings.handlerBlockMs!.length}/${timings.handlerAllowMs!.length}); screenshots in ${shots}`,
    );
  });

  async function openPane(seed: Seed): Promise<{ page: Page; seen: ReturnType<typeof watch> }> {
    const page = await pageWithOffice(browser, seed);
    const seen = watch(page);
    const started = Date.now();
    await page.goto(`${api.baseUrl}/`);
    await page.getByTestId('outcome').waitFor({ timeout: 15_000 });
    timings.firstAnalysisMs!.push(Date.now() - started);
    return { page, seen };
  }

  it('a vague Chinese draft shows the three missing elements, in a Chinese pane', async () => {
    const { page, seen } = await openPane(vagueChinese);
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(loaded.filter((u) => u.includes('msal-'))).toEqual([]); // local mode: MSAL is never loaded
    await expect.poll(() => page.getByTestId('outcome').getAttribute('data-outcome')).toBe('continuation');
    for (const name of ['action', 'attendee', 'date']) {
      await expect.poll(() => page.getByTestId(`element-${name}`).getAttribute('data-present')).toBe('false');
      expect(await page.getByTestId(`element-${name}`).innerText()).toContain('缺少');
    }
    expect(await page.getByTestId('outcome').innerText()).toContain('仅是延续');
    const vague = await page.getByTestId('vague-phrases').innerText();
    expect(vague).toContain('过两天');
    expect(vague).toContain('碰一碰');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.screenshot({ path: join(shots, 'pane-zh.png'), fullPage: true });
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('"Insert closing template" puts the template into the HTML body as HTML, then re-analyzes', async () => {
    const { page } = await openPane(vagueChinese);
    const before = await page.evaluate(() => (window as any).__officeStub.state.body as string);
    await page.getByRole('button', { name: '插入收尾模板' }).click();
    await expect.poll(() => page.evaluate(() => (window as any).__officeStub.state.inserted.length)).toBe(1);
    const inserted = await page.evaluate(() => (window as any).__officeStub.state.inserted[0]);
    expect(inserted.coercionType).toBe('html');
    expect(inserted.data).toMatch(/^<p>/);
    expect(inserted.data).toContain('【');
    const after = await page.evaluate(() => (window as any).__officeStub.state.body as string);
    expect(after.startsWith(before)).toBe(true);
    expect(after.length).toBeGreaterThan(before.length);
    await expect.poll(() => page.getByText('已插入收尾模板').count()).toBe(1);
    await page.close();
  });

  it('a text body gets the template as text', async () => {
    const { page } = await openPane(englishVague);
    await page.getByRole('button', { name: 'Insert closing template' }).click();
    await expect.poll(() => page.evaluate(() => (window as any).__officeStub.state.inserted.length)).toBe(1);
    const inserted = await page.evaluate(() => (window as any).__officeStub.state.inserted[0]);
    expect(inserted.coercionType).toBe('text');
    expect(inserted.data).not.toContain('<p>');
    expect(await page.evaluate(() => (window as any).__officeStub.state.body as string)).toContain(inserted.data.trim().slice(0, 20));
    await page.close();
  });

  it('an English advance shows "advance"', async () => {
    const { page, seen } = await openPane(englishAdvance);
    await expect.poll(() => page.getByTestId('outcome').getAttribute('data-outcome')).toBe('advance');
    expect(await page.getByTestId('outcome').innerText()).toContain('Advance');
    for (const name of ['action', 'attendee', 'date']) {
      expect(await page.getByTestId(`element-${name}`).getAttribute('data-present')).toBe('true');
    }
    expect(await page.getByTestId('next-step').getAttribute('data-next-step')).toBe('introduction');
    await page.screenshot({ path: join(shots, 'pane-en.png'), fullPage: true });
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('re-analyzes, debounced, when the recipients change', async () => {
    const { page } = await openPane(englishVague);
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/analyses')) requests.push(r.postData() ?? '');
    });
    await page.evaluate(() => {
      const stub = (window as any).__officeStub;
      stub.setRecipients([{ name: 'Dana Kim', address: 'dana@fabrikam.com' }]);
      stub.setRecipients([{ name: 'Dana Kim', address: 'dana@fabrikam.com' }, { name: 'Raj', address: 'raj@fabrikam.com' }]);
      stub.setRecipients([{ name: 'Dana Kim', address: 'dana@fabrikam.com' }, { name: 'Raj', address: 'raj@fabrikam.com' }, { name: 'Mei', address: 'mei@fabrikam.com' }]);
    });
    await expect.poll(() => requests.length, { timeout: 5000 }).toBe(1);
    await page.waitForTimeout(800);
    expect(requests).toHaveLength(1); // three events, one analysis
    expect(JSON.parse(requests[0]!).to).toHaveLength(3);
    await page.close();
  });

  it('an invite (appointment organizer) is analyzed with its attendees and times, and re-analyzed when the time moves', async () => {
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    tomorrow.setUTCHours(6, 0, 0, 0);
    const invite: Seed = {
      kind: 'event',
      subject: '技术交流：数据平台架构',
      body: '<p>议程：1. 现状介绍（贵司数据组）2. 目标架构（我方售前）3. 下一步安排。请王工确认数据组两位同事能否参加。</p>',
      bodyType: 'html',
      attendees: [{ name: '王工', address: 'wang@kehu.cn' }],
      start: tomorrow.toISOString(),
      end: new Date(tomorrow.getTime() + 3600_000).toISOString(),
      displayLanguage: 'zh-CN',
    };
    const { page } = await openPane(invite);
    await expect.poll(() => page.getByTestId('outcome').getAttribute('data-outcome')).not.toBe('continuation');
    expect(await page.getByTestId('element-date').getAttribute('data-present')).toBe('true');
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/analyses')) requests.push(r.postData() ?? '');
    });
    const moved = new Date(tomorrow.getTime() + 2 * 3600_000);
    await page.evaluate(([s, e]) => (window as any).__officeStub.setTime(s, e), [moved.toISOString(), new Date(moved.getTime() + 3600_000).toISOString()]);
    await expect.poll(() => requests.length, { timeout: 5000 }).toBe(1);
    const sent = JSON.parse(requests[0]!);
    expect(sent.kind).toBe('event');
    expect(new Date(sent.start).toISOString()).toBe(moved.toISOString());
    expect(sent.attendees).toEqual([{ name: '王工', address: 'wang@kehu.cn' }]);
    await page.close();
  });

  it('suggests a technical exchange and, where compose cannot open a meeting form, offers the details to copy', async () => {
    const { page } = await openPane(vagueChinese);
    await page.getByRole('button', { name: '建议一次技术交流' }).click();
    await page.getByRole('button', { name: '打开会议表单' }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('radio').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '打开会议表单' }).click();
    await page.getByTestId('invite-details').waitFor();
    expect(await page.getByTestId('invite-details').innerText()).toContain('li@qudao.cn');
    await page.close();
  });

  it('the XSS draft runs nothing and shows the characters', async () => {
    const { page, seen } = await openPane(xss);
    await page.getByTestId('draft-subject').waitFor();
    expect(await page.getByTestId('draft-subject').innerText()).toContain('Workshop <img src=x onerror=alert(1)>');
    await page.getByRole('button', { name: 'Suggest a technical exchange' }).click();
    await page.getByTestId('invite').getByRole('radio').first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(300);
    expect(seen.dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('main script, main b').count()).toBe(0);
    await page.close();
  });

  it('"My commitments" lists the ledger, and the send handler records an advance into it', async () => {
    // The send runtime: commands.html (browser runtime) from the API, with the Office stub.
    const page = await pageWithOffice(browser, englishAdvance);
    await openSendRuntime(page, api.baseUrl);
    for (let i = 0; i < 10; i++) {
      const { options, ms } = await fireSend(page);
      expect(options).toEqual({ allowEvent: true });
      timings.handlerAllowMs!.push(ms);
    }
    const open = await (await fetch(`${api.baseUrl}/api/commitments?status=open`)).json();
    expect(open.items.length).toBeGreaterThanOrEqual(1);
    expect(open.items[0].nextStep).toBe('introduction');
    await page.close();

    const pane = await pageWithOffice(browser, englishAdvance);
    await pane.goto(`${api.baseUrl}/`);
    await pane.getByRole('tab', { name: 'My commitments' }).click();
    await pane.getByTestId('commitments-open').getByRole('listitem').first().waitFor({ timeout: 10_000 });
    const listed = await pane.getByTestId('commitments-open').innerText();
    expect(listed).toContain('Head of Procurement');
    expect(listed).toContain('Budget owner');
    await pane.close();
  });

  it('the send handler soft-blocks a vague draft once, in the UI language, naming what is missing', async () => {
    const page = await pageWithOffice(browser, vagueChinese);
    await openSendRuntime(page, api.baseUrl);
    const first = await fireSend(page);
    expect(first.options).toMatchObject({
      allowEvent: false,
      cancelLabel: '插入收尾模板',
      commandId: 'msgComposeOpenPaneButton',
      sendModeOverride: 'promptUser',
    });
    expect(first.options.errorMessage).toContain('缺少时间');
    timings.handlerBlockMs!.push(first.ms);
    const again = await fireSend(page);
    expect(again.options).toEqual({ allowEvent: true });
    // Timing: a fresh item each round (no "already warned").
    for (let i = 0; i < 19; i++) {
      const r = await page.evaluate(() => {
        const stub = (window as any).__officeStub;
        stub.state.session = {};
        return stub.send('onMessageSendHandler');
      });
      expect(r.options.allowEvent).toBe(false);
      timings.handlerBlockMs!.push(r.ms);
    }
    await page.close();
  });

  it('opened from the Smart Alert, the pane says the send was paused and what is missing', async () => {
    const { page } = await openPane({ ...vagueChinese, contextData: JSON.stringify({ source: 'smartAlert', missing: ['action', 'attendee', 'date'] }) });
    await page.getByTestId('send-paused').waitFor();
    expect(await page.getByTestId('send-paused').innerText()).toContain('缺少：行动、参与人、时间');
    await page.close();
  });

  it('in a plain browser (no Office) the page is the preview: paste a draft, see the analysis and the template', async () => {
    const page = await browser.context.newPage();
    const seen = watch(page);
    const officeRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('appsforoffice')) officeRequests.push(r.url());
    });
    await page.goto(`${api.baseUrl}/?lang=en`);
    await page.getByRole('form').waitFor();
    await page.getByLabel('To (Name <address>, …)').fill('Dana Kim <dana@fabrikam.com>');
    await page.getByLabel('Subject').fill(englishVague.subject!);
    await page.getByLabel('Body').fill(englishVague.body!);
    await page.getByRole('button', { name: 'Analyze' }).click();
    await expect.poll(() => page.getByTestId('outcome').getAttribute('data-outcome'), { timeout: 15_000 }).toBe('continuation');
    await page.screenshot({ path: join(shots, 'preview-en.png'), fullPage: true });
    await page.getByRole('button', { name: 'Insert closing template' }).click();
    await expect.poll(async () => (await page.getByLabel('Body').inputValue()).length).toBeGreaterThan(englishVague.body!.length + 20);
    expect(await page.getByLabel('Body').inputValue()).toContain(englishVague.body!.trim());
    expect(officeRequests).toEqual([]); // the preview never needs Microsoft's CDN
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('opened as the Outlook pane while Office.js cannot load (offline), the page falls back to the preview', async () => {
    const page = await browser.context.newPage();
    const seen = watch(page);
    await page.route('https://appsforoffice.microsoft.com/**', (route) => route.abort('internetdisconnected'));
    const started = Date.now();
    await page.goto(`${api.baseUrl}/index.html?host=outlook`);
    await page.getByRole('form').waitFor({ timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await page.locator('[data-mode]').getAttribute('data-mode')).toBe('preview');
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('with the API down, the pane says so and the send handler allows the send', async () => {
    const pane = await pageWithOffice(browser, englishVague);
    const seen = watch(pane);
    await pane.goto(`${api.baseUrl}/`);
    await pane.getByTestId('outcome').waitFor({ timeout: 15_000 });
    const handler = await pageWithOffice(browser, englishVague);
    await openSendRuntime(handler, api.baseUrl);

    await api.stop();

    await pane.getByRole('button', { name: 'Re-analyze' }).click();
    await pane.getByTestId('api-error').waitFor({ timeout: 10_000 });
    expect(await pane.getByTestId('api-error').innerText()).toContain('Cannot reach the OutlookCommit service');
    expect(seen.errors).toEqual([]);

    const result = await fireSend(handler);
    expect(result.options).toEqual({ allowEvent: true });
    expect(result.ms).toBeLessThan(2500);
    await pane.close();
    await handler.close();
  });
});
