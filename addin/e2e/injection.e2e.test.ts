// Markup and script in everything the pane shows from the draft or the API are inert: each payload goes into
// every text the pane renders (analysis, template, invite, commitments, the Smart Alert's context, an error's
// detail) and must show as its own characters, run nothing and create no element. The real-API XSS test in
// pane.e2e covers the draft's subject and body going through the engine; this one feeds the pane directly.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftAnalysis } from '../src/contract';
import { englishVague as vagueAnalysis } from '../test/fixtures';
import { FakeSite, problem } from './fakeSite';
import { buildAddin, launchBrowser, pageWithOffice, watch, type Browser } from './harness';
import { englishVague } from './seeds';

const PAYLOADS = [
  '<img src=x onerror=window.__pwned=1>',
  '<script>window.__pwned=2</script>',
  '<a href="javascript:window.__pwned=3">click me</a>',
  'javascript:window.__pwned=4',
  '<svg onload=window.__pwned=5></svg>',
  '<iframe srcdoc="<script>parent.__pwned=6</script>"></iframe>',
  '"><img src=x onerror=window.__pwned=7>',
];

function hostileAnalysis(p: string): DraftAnalysis {
  const a = vagueAnalysis();
  a.nextStep = null; // so the pane offers the technical exchange
  a.elements.action = { present: true, evidence: [{ start: 0, end: 1, text: `deep-dive ${p}` }], reason: null };
  a.elements.attendee = { present: false, evidence: [], reason: `No one named ${p}` };
  a.vaguePhrases = [{ start: 0, end: 1, text: `touch base ${p}`, kind: 'vagueAction', suggestion: `a call ${p}` }];
  a.closingTemplate = { language: 'en', nextStep: null, text: `By [date] we meet ${p}`, html: `<p>${p}</p>` };
  return a;
}

const hostileInvite = (p: string) => ({
  language: 'en',
  subject: `Exchange ${p}`,
  agenda: `Agenda ${p}`,
  attendees: [{ name: `Dana ${p}`, address: 'dana@fabrikam.com' }],
  durationMinutes: 60,
  timeZone: 'UTC',
  availabilityChecked: false,
  candidates: [{ start: '2026-12-01T14:00:00Z', end: '2026-12-01T15:00:00Z', confidence: null, availability: `maybe ${p}`, reason: p }],
  note: `Note ${p}`,
});

const hostileCommitment = (p: string, id: string) => ({
  id,
  what: `Deep-dive ${p}`,
  who: [{ name: `Sofia ${p}`, address: null }],
  due: '2026-12-01T14:00:00Z',
  nextStep: 'technicalExchange',
  status: 'open',
  overdue: false,
  subject: `Subject ${p}`,
});

let browser: Browser;
let placesChecked = 0;

beforeAll(async () => {
  buildAddin();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  console.log(`[injection] ${PAYLOADS.length} payloads; ${placesChecked} payload × place checks, all inert and shown literally`);
});

/** Nothing ran, nothing active exists in the pane, and `where` shows the payload as its own characters. */
async function expectInert(page: Page, where: Locator, payload: string): Promise<void> {
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  const active = await page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll('#root *'))) {
      const tag = el.tagName.toLowerCase();
      if (['script', 'iframe', 'img', 'object', 'embed', 'a'].includes(tag)) found.push(tag);
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name) || /^\s*javascript:/i.test(attr.value) || attr.name === 'srcdoc') found.push(`${tag}[${attr.name}]`);
      }
    }
    return found;
  });
  expect(active).toEqual([]);
  expect(await where.innerText()).toContain(payload);
  placesChecked++;
}

describe('HTML and script from the draft and the API are inert in the pane', () => {
  it.each(PAYLOADS)('%s', async (p) => {
    const site = await FakeSite.create();
    site
      .on('POST', '/api/analyses', { json: hostileAnalysis(p) })
      .on('POST', '/api/invites/suggestions', { json: hostileInvite(p) })
      .on('GET', '/api/commitments?status=open', { json: { items: [hostileCommitment(p, 'c1')] } })
      .on('GET', '/api/commitments?status=overdue', { json: { items: [] } })
      .on('GET', '/api/commitments/stalled', { json: { note: `Note ${p}`, items: [{ commitment: hostileCommitment(p, 'c2'), reason: `Reason ${p}` }] } });
    const contextData = JSON.stringify({ source: 'smartAlert', missing: ['date', p] });
    const page = await pageWithOffice(browser, { ...englishVague, subject: `Hello ${p}`, to: [{ name: p, address: 'dana@fabrikam.com' }], contextData });
    const seen = watch(page);
    await site.attach(page);
    await page.goto(`${site.origin}/`);
    await page.getByTestId('outcome').waitFor({ timeout: 15_000 });

    // The check: the draft's subject, evidence, a missing element's reason, the vague phrase and its rewrite, the template.
    await expectInert(page, page.getByTestId('draft-subject'), p);
    await expectInert(page, page.getByTestId('element-action'), p);
    await expectInert(page, page.getByTestId('element-attendee'), p);
    const vague = page.getByTestId('vague-phrases');
    expect((await vague.innerText()).split(p).length - 1).toBe(2); // the phrase and its rewrite
    await expectInert(page, vague, p);
    await expectInert(page, page.getByTestId('template-text'), p);
    // The Smart Alert's context names elements only: anything else in it is dropped, not shown.
    expect(await page.getByTestId('send-paused').innerText()).toContain('Missing: When.');
    expect(await page.getByTestId('send-paused').innerText()).not.toContain(p);

    // The invite suggestion, then the details to copy (compose cannot open a meeting form).
    await page.getByRole('button', { name: 'Suggest a technical exchange' }).click();
    await page.getByRole('button', { name: 'Open meeting form' }).waitFor({ timeout: 10_000 });
    const invite = page.getByTestId('invite');
    for (const text of [`Exchange ${p}`, `Dana ${p}`, `Note ${p}`, `maybe ${p}`]) await expectInert(page, invite, text);
    await page.getByRole('button', { name: 'Open meeting form' }).click();
    const details = page.getByTestId('invite-details');
    await details.waitFor();
    for (const text of [`Exchange ${p}`, `Dana ${p} <dana@fabrikam.com>`, `Agenda ${p}`]) await expectInert(page, details, text);

    // My commitments, as the ledger returns them: what, who, subject; stalled reason and note.
    await page.getByRole('tab', { name: 'My commitments' }).click();
    const open = page.getByTestId('commitments-open');
    await open.getByRole('listitem').first().waitFor({ timeout: 10_000 });
    for (const text of [`Deep-dive ${p}`, `Sofia ${p}`, `Subject ${p}`]) await expectInert(page, open, text);
    const stalled = page.getByTestId('commitments-stalled');
    for (const text of [`Reason ${p}`, `Note ${p}`, `Deep-dive ${p}`]) await expectInert(page, stalled, text);

    // An error's detail from the API.
    await page.getByRole('tab', { name: 'Check' }).click();
    site.on('POST', '/api/analyses', problem(400, 'Malformed request', `Bad field ${p}`));
    await page.getByRole('button', { name: 'Re-analyze' }).click();
    await page.getByTestId('api-error').waitFor({ timeout: 10_000 });
    await expectInert(page, page.getByTestId('api-error'), `Bad field ${p}`);

    await page.waitForTimeout(200); // a late onerror/onload would have fired by now
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(seen.dialogs).toEqual([]);
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});
