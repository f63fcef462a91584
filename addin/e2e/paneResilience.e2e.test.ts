// The pane when the API fails: every failure gets a clear message in the pane's language (never a blank pane,
// a stack trace or an HTML page), the draft is untouched, and the pane recovers when the API answers again.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishVague as vagueAnalysis } from '../test/fixtures';
import { FakeSite, problem, stallingServer, type Reply } from './fakeSite';
import { buildAddin, launchBrowser, pageWithOffice, watch, type Browser, type Seed } from './harness';
import { englishVague, vagueChinese } from './seeds';

const STACK = /Exception|\bat [\w.$<>`]+\(|\.cs:line|Traceback|<\/?(html|body|h1)\b/i;
const stackTrace =
  'System.InvalidOperationException: Sequence contains no elements\n   at System.Linq.ThrowHelper.ThrowNoElementsException()\n   at OutlookCommit.Api.Analyses.AnalysesApi.Analyze(Draft draft) in /src/AnalysesApi.cs:line 42';

let browser: Browser;
const shown: string[] = [];

beforeAll(async () => {
  buildAddin();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  console.log(`[pane resilience] messages shown:\n  ${shown.join('\n  ')}`);
});

async function openPane(seed: Seed, analyses: Reply, existing?: FakeSite): Promise<{ site: FakeSite; page: Page; seen: ReturnType<typeof watch> }> {
  const site = existing ?? (await FakeSite.create());
  site.on('POST', '/api/analyses', analyses);
  const page = await pageWithOffice(browser, seed);
  const seen = watch(page);
  await site.attach(page);
  await page.goto(`${site.origin}/`);
  return { site, page, seen };
}

/** The pane is there (title, tabs, Re-analyze), whatever failed. */
async function expectPaneStanding(page: Page): Promise<void> {
  expect(await page.getByRole('heading', { name: 'OutlookCommit' }).isVisible()).toBe(true);
  expect(await page.getByRole('tab').count()).toBe(2);
  await expect.poll(() => page.getByRole('button', { name: /Re-analyze|重新分析/ }).isEnabled(), { timeout: 12_000 }).toBe(true);
}

interface Case {
  name: string;
  reply: Reply;
  message: RegExp;
  seed?: Seed;
}

const cases: Case[] = [
  {
    name: '413 ProblemDetails (draft too large)',
    reply: problem(413, 'Request body too large', 'The request body is larger than 1048576 bytes. Shorten the draft or send its new text only.'),
    message: /^This draft is too large to check\. Your draft is unchanged/,
  },
  {
    name: '413 in a Chinese pane',
    reply: problem(413, 'Request body too large', 'The request body is larger than 1048576 bytes.'),
    message: /^草稿太长，无法检查。草稿没有改动/,
    seed: vagueChinese,
  },
  {
    name: '415 ProblemDetails',
    reply: problem(415, 'Unsupported content type', 'Send the request body as JSON with Content-Type: application/json.'),
    message: /^The add-in and the OutlookCommit service do not match \(HTTP 415\)/,
  },
  {
    name: '400 ProblemDetails',
    reply: problem(400, 'Malformed request', 'The request body is not valid for this endpoint at $.start: not a date.'),
    message: /^The OutlookCommit service could not read this draft \(HTTP 400\)\..*at \$\.start: not a date\./s,
  },
  {
    name: '400 validation ProblemDetails',
    reply: { status: 400, contentType: 'application/problem+json', json: { title: 'One or more validation errors occurred.', status: 400, errors: { subject: ['Too long.'] } } },
    message: /^The OutlookCommit service could not read this draft \(HTTP 400\)\..*One or more validation errors occurred\./s,
  },
  { name: '401', reply: problem(401, 'Sign-in required', 'Send a bearer token.'), message: /did not accept your sign-in \(HTTP 401\)/ },
  { name: '429', reply: problem(429, 'Too Many Requests'), message: /^The OutlookCommit service is busy/ },
  {
    name: '503 ProblemDetails',
    reply: problem(503, 'Service Unavailable', 'The database is not reachable; retrying may help.'),
    message: /^The OutlookCommit service had a problem \(HTTP 503\)\. Your draft is unchanged.*The database is not reachable/s,
  },
  { name: '503 plain text (proxy)', reply: { status: 503, body: 'Service Unavailable' }, message: /^Cannot reach the OutlookCommit service/ },
  { name: '502 HTML error page', reply: { status: 502, contentType: 'text/html', body: '<html><body><h1>502 Bad Gateway</h1></body></html>' }, message: /^Cannot reach the OutlookCommit service/ },
  { name: '500 ProblemDetails with a stack trace', reply: problem(500, 'Internal Server Error', stackTrace), message: /^The OutlookCommit service had a problem \(HTTP 500\)/ },
  { name: '500 plain-text stack trace', reply: { status: 500, body: stackTrace }, message: /^The OutlookCommit service had a problem \(HTTP 500\)/ },
  { name: '200 malformed JSON', reply: { status: 200, contentType: 'application/json', body: '{"outcome":' }, message: /sent an answer the add-in cannot read/ },
  { name: '200 unknown outcome', reply: { json: { ...vagueAnalysis(), outcome: 'stalled' } }, message: /sent an answer the add-in cannot read/ },
  { name: 'connection refused', reply: { passThrough: true }, message: /^Cannot reach the OutlookCommit service \(http:\/\/127\.0\.0\.1:\d+\)/ },
  { name: 'never answers (10 s pane timeout)', reply: { hang: true }, message: /^The OutlookCommit service did not answer in time/ },
];

describe('the pane when the API fails, and when it comes back', () => {
  it.each(cases)('$name → a clear message, then recovery', async ({ name, reply, message, seed }) => {
    const { site, page, seen } = await openPane(seed ?? englishVague, reply);
    const error = page.getByTestId('api-error');
    await error.waitFor({ timeout: 15_000 });
    const text = await error.innerText();
    shown.push(`${name}: ${text.replace(/\s+/g, ' ')}`);
    expect(text).toMatch(message);
    expect(text).not.toMatch(STACK);
    expect(text.length).toBeLessThan(400);
    await expectPaneStanding(page);

    site.on('POST', '/api/analyses', { json: vagueAnalysis() });
    await page.getByRole('button', { name: /Re-analyze|重新分析/ }).click();
    await expect.poll(() => page.getByTestId('outcome').getAttribute('data-outcome'), { timeout: 10_000 }).toBe('continuation');
    expect(await error.count()).toBe(0);
    expect(await page.evaluate(() => (window as any).__officeStub.state.inserted)).toEqual([]); // the draft was never touched
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('headers then a stalled body (a real server): the pane times out and says so', async () => {
    const site = await FakeSite.create();
    const stalling = await stallingServer(site);
    const { page } = await openPane(englishVague, { passThrough: true }, site);
    const error = page.getByTestId('api-error');
    await error.waitFor({ timeout: 15_000 });
    const text = await error.innerText();
    shown.push(`200 headers, body stalls: ${text}`);
    expect(text).toMatch(/^The OutlookCommit service did not answer in time/);
    await expectPaneStanding(page);
    await page.close();
    await stalling.close();
  });

  it('an analysis of an unexpected shape shows what it can instead of a blank pane', async () => {
    const { page, seen } = await openPane(englishVague, { json: { outcome: 'continuation', elements: { date: { present: true } }, nextStep: 'teaParty' } });
    await expect.poll(() => page.getByTestId('outcome').getAttribute('data-outcome'), { timeout: 10_000 }).toBe('continuation');
    expect(await page.getByTestId('element-date').getAttribute('data-present')).toBe('true');
    expect(await page.getByTestId('element-action').getAttribute('data-present')).toBe('false');
    await expectPaneStanding(page);
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('a failure after a good result keeps that result on screen with the message', async () => {
    const { site, page } = await openPane(englishVague, { json: vagueAnalysis() });
    await page.getByTestId('outcome').waitFor({ timeout: 15_000 });
    site.on('POST', '/api/analyses', problem(503, 'Service Unavailable'));
    await page.getByRole('button', { name: 'Re-analyze' }).click();
    await page.getByTestId('api-error').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('outcome').getAttribute('data-outcome')).toBe('continuation');
    await page.close();
  });

  it('My commitments and the invite suggestion say what failed, and work again on retry', async () => {
    const { site, page } = await openPane(englishVague, { json: vagueAnalysis() });
    await page.getByTestId('outcome').waitFor({ timeout: 15_000 });
    site.on('POST', '/api/invites/suggestions', problem(503, 'Microsoft Graph is not available', 'Graph is not configured.'));
    await page.getByRole('button', { name: 'Suggest a technical exchange' }).click();
    const inviteError = page.getByTestId('invite-error');
    await inviteError.waitFor({ timeout: 10_000 });
    expect(await inviteError.innerText()).toMatch(/had a problem \(HTTP 503\).*Graph is not configured\./s);
    site.on('POST', '/api/invites/suggestions', { json: { subject: 'Technical exchange', agenda: 'Agenda', attendees: [], candidates: [{ start: '2026-12-01T14:00:00Z', end: '2026-12-01T15:00:00Z' }] } });
    await page.getByRole('button', { name: 'Suggest a technical exchange' }).click();
    await page.getByRole('button', { name: 'Open meeting form' }).waitFor({ timeout: 10_000 });
    expect(await inviteError.count()).toBe(0);

    site.on('GET', '/api/commitments/stalled', { json: { items: [] } }).on('GET', '/api/commitments?status=overdue', { json: { items: [] } });
    site.on('GET', '/api/commitments?status=open', { status: 503, body: 'down' });
    await page.getByRole('tab', { name: 'My commitments' }).click();
    const listError = page.getByTestId('commitments-error');
    await listError.waitFor({ timeout: 10_000 });
    expect(await listError.innerText()).toMatch(/^Cannot reach the OutlookCommit service/);
    site.on('GET', '/api/commitments?status=open', { json: { items: [{ id: 'c1', what: 'Deep-dive with the data team', who: [], status: 'open' }] } });
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByTestId('commitments-open').getByText('Deep-dive with the data team').waitFor({ timeout: 10_000 });
    expect(await listError.count()).toBe(0);
    await page.close();
  });
});
