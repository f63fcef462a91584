// End-to-end harness: builds the add-in, starts the real API (dotnet) on a free loopback port, and drives
// Debian's Chromium with playwright-core (no browser download).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const addinDir = resolve(here, '..');
export const repoDir = resolve(addinDir, '..');
export const apiProject = join(repoDir, 'api', 'OutlookCommit.Api');
export const distDir = join(addinDir, 'dist');

export const CHROMIUM = process.env.OUTLOOKCOMMIT_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function apiExists(): boolean {
  return existsSync(join(apiProject, 'OutlookCommit.Api.csproj'));
}

/** Builds the pane and the send handler into dist/ (what the API serves), once per test run. */
export function buildAddin(): void {
  if (process.env.OUTLOOKCOMMIT_E2E_SKIP_BUILD === '1' && existsSync(join(distDir, 'index.html'))) return;
  // The e2e files share one worker process: the first file builds, the others reuse dist/.
  if (process.env.OUTLOOKCOMMIT_E2E_BUILT_BY === String(process.pid) && existsSync(join(distDir, 'launchevent.js'))) return;
  // Vitest sets NODE_ENV=test; left in place it would make Vite bundle React's development build, so the
  // browser tests would exercise (and time) a pane that no user runs.
  const env = { ...process.env, NODE_ENV: 'production' };
  execFileSync(process.execPath, [join(addinDir, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: addinDir,
    env,
    stdio: 'inherit',
  });
  execFileSync(process.execPath, [join(addinDir, 'scripts', 'build-handler.mjs')], { cwd: addinDir, env, stdio: 'inherit' });
  process.env.OUTLOOKCOMMIT_E2E_BUILT_BY = String(process.pid);
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface RunningApi {
  baseUrl: string;
  stop(): Promise<void>;
  log(): string;
}

/**
 * dotnet build, then dotnet run --no-build on 127.0.0.1:<free port>, with its SQLite file in a temp folder.
 * OUTLOOKCOMMIT_E2E_ARTIFACTS=/tmp/art-x builds into that artifacts path instead of the default bin/obj
 * (for developers sharing a tree); CI uses the default output.
 */
export async function startApi(): Promise<RunningApi> {
  const artifacts = process.env.OUTLOOKCOMMIT_E2E_ARTIFACTS;
  const artifactArgs = artifacts ? ['--artifacts-path', artifacts] : [];
  const env = {
    ...process.env,
    DOTNET_CLI_TELEMETRY_OPTOUT: '1',
    DOTNET_NOLOGO: '1',
    DOTNET_SKIP_FIRST_TIME_EXPERIENCE: '1',
  };
  execFileSync('dotnet', ['build', apiProject, '-nologo', '-v', 'q', ...artifactArgs], { cwd: repoDir, env, stdio: ['ignore', 'inherit', 'inherit'] });

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataHome = mkdtempSync(join(tmpdir(), 'oc-e2e-data-'));
  let output = '';
  const child: ChildProcess = spawn(
    'dotnet',
    ['run', '--project', apiProject, '--no-build', '--no-launch-profile', ...artifactArgs, '--', '--urls', baseUrl, `--Addin:DistPath=${distDir}`],
    { cwd: repoDir, env: { ...env, XDG_DATA_HOME: dataHome, ASPNETCORE_ENVIRONMENT: 'Production' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  let exited = false;
  child.on('exit', () => (exited = true));

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`The API exited before it was healthy:\n${output}`);
    try {
      const r = await fetch(`${baseUrl}/health`);
      if (r.ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The API did not answer /health within 120 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    baseUrl,
    log: () => output,
    async stop() {
      if (!exited) {
        const gone = new Promise<void>((r) => child.once('exit', () => r()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await gone;
        clearTimeout(timer);
      }
      rmSync(dataHome, { recursive: true, force: true });
    },
  };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install the Debian package chromium`);
  const profile = mkdtempSync(join(tmpdir(), 'oc-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 320, height: 900 },
    deviceScaleFactor: 1,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const stubSource = readFileSync(join(here, 'office-stub.js'), 'utf8');

export interface Seed {
  kind?: 'message' | 'event';
  subject?: string;
  body?: string;
  bodyType?: 'text' | 'html';
  to?: Array<{ name?: string; address?: string }>;
  cc?: Array<{ name?: string; address?: string }>;
  attendees?: Array<{ name?: string; address?: string }>;
  start?: string;
  end?: string;
  displayLanguage?: string;
  dark?: boolean;
  /** What a Smart Alert passed to the pane (getInitializationContextAsync). */
  contextData?: string;
  /** body.getAsync never calls back (Outlook cannot give the body). */
  stallBody?: boolean;
}

/** A new page with the Office stub seeded before any script of the page runs; Office.js's CDN is never hit. */
export async function pageWithOffice(browser: Browser, seed: Seed): Promise<Page> {
  const page = await browser.context.newPage();
  await page.route('https://appsforoffice.microsoft.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: '/* Office.js is stubbed in tests */' }),
  );
  await page.addInitScript({ content: `${stubSource}\ninstallOfficeStub(${JSON.stringify(seed)});` });
  return page;
}

export interface Completion {
  options: Office.SmartAlertsEventCompletedOptions & Record<string, unknown>;
  ms: number;
}

/** Opens the send runtime (commands.html: Office.js, stubbed, then dist/launchevent.js) and waits for its handlers. */
export async function openSendRuntime(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/commands.html`);
  await page.waitForFunction(() => !!(window as any).__officeStub.associated.onMessageSendHandler);
}

/** Fires a send handler as Outlook does: what it passed to event.completed first, and after how many ms. */
export function fireSend(page: Page, name: 'onMessageSendHandler' | 'onAppointmentSendHandler' = 'onMessageSendHandler'): Promise<Completion> {
  return page.evaluate((n) => (window as any).__officeStub.send(n), name);
}

/** Every event.completed call so far on this page (a handler must make exactly one per send). */
export function completions(page: Page): Promise<Completion[]> {
  return page.evaluate(() => (window as any).__officeStub.state.completions);
}

/** Collects what must never happen on a page: dialogs (alert), page errors. */
export function watch(page: Page): { dialogs: string[]; errors: string[] } {
  const seen = { dialogs: [] as string[], errors: [] as string[] };
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  return seen;
}

/** Where screenshots go: docs/screenshots with OUTLOOKCOMMIT_SCREENSHOTS=1, a temp folder otherwise. */
export function screenshotDir(): string {
  return process.env.OUTLOOKCOMMIT_SCREENSHOTS === '1' ? join(repoDir, 'docs', 'screenshots') : mkdtempSync(join(tmpdir(), 'oc-shots-'));
}
