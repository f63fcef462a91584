// The before-send check (Smart Alerts): OnMessageSend and OnAppointmentSend.
// Built by scripts/build-handler.mjs into ONE self-contained classic script (dist/launchevent.js): no imports
// at run time, no DOM, so it runs in classic Outlook's JavaScript-only runtime as well as in the browser
// runtime (dist/commands.html). It fails open: whatever goes wrong or takes too long, the send is allowed.
import type { Draft, DraftAnalysis, EmailAddress } from './contract';
import { uiLanguage } from './i18n';
import { readAnalysis } from './logic/analysisShape';
import { commitmentFrom, decideSend, fingerprint, isInternalOnly } from './logic/sendDecision';
import { displayLanguage, getSessionValue, getSsoToken, itemIds, readDraft, setSessionValue, userEmail } from './office';

/** The API's absolute base URL, injected at build time (OUTLOOKCOMMIT_BASE_URL). */
declare const __API_BASE__: string;
/** The API's Entra client id (OUTLOOKCOMMIT_CLIENT_ID) in production mode; empty in local mode (no token). */
declare const __CLIENT_ID__: string;

/** How long the API gets to answer before the send is allowed anyway. */
export const ANALYSIS_TIMEOUT_MS = 2000;
/** Office SSO must answer fast too; without a token the API refuses and the send goes through. */
export const TOKEN_TIMEOUT_MS = 1000;
/** Recording an advance in the ledger must not hold the send up for long either. */
export const RECORD_TIMEOUT_MS = 1000;
/** Outlook shows "taking longer than expected" at 5 s (script download included): always finish before. */
export const HARD_DEADLINE_MS = 4000;
const WARNED_KEY = 'outlookcommit.warned';

export const OPEN_PANE_COMMAND = { message: 'msgComposeOpenPaneButton', event: 'apptOrganizerOpenPaneButton' } as const;

interface SendEvent {
  completed(options?: Office.SmartAlertsEventCompletedOptions): void;
}

/** Where the API is: the page's own origin in the browser runtime, the injected URL in the JS-only runtime. */
export function apiBase(): string {
  try {
    if (typeof location !== 'undefined' && /^https?:$/.test(location.protocol) && location.origin) return location.origin;
  } catch {
    /* no location in the JavaScript-only runtime */
  }
  return typeof __API_BASE__ === 'string' ? __API_BASE__.replace(/\/+$/, '') : '';
}

/** POSTs JSON with a hard timeout: fetch + AbortController where there is one, XMLHttpRequest otherwise. */
export function postJson<T>(url: string, body: unknown, timeoutMs: number, token: string | null = null): Promise<T> {
  const payload = JSON.stringify(body);
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (typeof fetch === 'function' && typeof AbortController === 'function') {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    return fetch(url, {
      method: 'POST',
      headers,
      body: payload,
      signal: controller.signal,
    })
      .then(async (r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        const text = await r.text();
        return (text ? JSON.parse(text) : undefined) as T;
      })
      .finally(() => clearTimeout(timer));
  }
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url, true);
    xhr.timeout = timeoutMs;
    Object.keys(headers).forEach((name) => xhr.setRequestHeader(name, headers[name]!));
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) return reject(new Error(`HTTP ${xhr.status}`));
      try {
        resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
      } catch (e) {
        reject(e);
      }
    };
    xhr.onerror = () => reject(new Error('network error'));
    xhr.ontimeout = () => reject(new Error('timeout'));
    xhr.send(payload);
  });
}

function addressesOf(draft: Draft): string[] {
  const lists = draft.kind === 'event' ? [draft.attendees, draft.optionalAttendees] : [draft.to, draft.cc];
  return lists.flatMap((l) => (l ?? []).map((a) => a.address ?? '')).filter(Boolean);
}

function addresseesOf(draft: Draft): EmailAddress[] {
  return ((draft.kind === 'event' ? draft.attendees : draft.to) ?? []).filter((a) => !!(a.name || a.address));
}

/** Handles one send event; exported for tests. Always calls event.completed exactly once. */
export async function handleSend(event: SendEvent, kind: 'message' | 'event'): Promise<void> {
  let done = false;
  const complete = (options: Office.SmartAlertsEventCompletedOptions) => {
    if (done) return;
    done = true;
    try {
      event.completed(options);
    } catch {
      /* nothing more to do */
    }
  };
  const deadline = setTimeout(() => complete({ allowEvent: true }), HARD_DEADLINE_MS);
  try {
    let lang = uiLanguage('en');
    try {
      lang = uiLanguage(displayLanguage());
    } catch {
      /* default English */
    }
    const base = apiBase();
    let draft: Draft | null = null;
    let analysis: DraftAnalysis | null = null;
    let token: string | null = null;
    try {
      const signIn = typeof __CLIENT_ID__ === 'string' && __CLIENT_ID__ ? getSsoToken(TOKEN_TIMEOUT_MS) : Promise.resolve(null);
      [draft, token] = await Promise.all([readDraft({ bodyType: 'text' }), signIn]);
      // Not an analysis this add-in can read (another shape, an unknown outcome): fail open like any failure.
      analysis = readAnalysis(await postJson<unknown>(`${base}/api/analyses`, draft, ANALYSIS_TIMEOUT_MS, token));
    } catch {
      analysis = null; // fail open
    }
    const print = draft ? fingerprint(draft.subject, draft.body) : '';
    const alreadyWarned = !!print && (await getSessionValue(WARNED_KEY)) === print;
    const decision = decideSend({
      analysis,
      lang,
      alreadyWarned,
      internalOnly: draft ? isInternalOnly(userEmail(), addressesOf(draft)) : false,
    });
    if (decision.allow) {
      if (decision.record && analysis && draft) {
        const ids = itemIds();
        const entry = commitmentFrom(analysis, {
          subject: draft.subject,
          recipients: addresseesOf(draft),
          start: draft.start,
          conversationId: ids.conversationId,
          itemId: ids.itemId,
          sentAt: draft.referenceTime,
        });
        if (entry) await postJson(`${base}/api/commitments`, entry, RECORD_TIMEOUT_MS, token).catch(() => undefined);
      }
      complete({ allowEvent: true });
      return;
    }
    await setSessionValue(WARNED_KEY, print);
    complete({
      allowEvent: false,
      errorMessage: decision.message,
      cancelLabel: decision.cancelLabel,
      commandId: OPEN_PANE_COMMAND[kind],
      contextData: JSON.stringify({ source: 'smartAlert', missing: decision.missing }),
      sendModeOverride: 'promptUser',
    });
  } catch {
    complete({ allowEvent: true });
  } finally {
    clearTimeout(deadline);
  }
}

export function onMessageSendHandler(event: SendEvent): void {
  void handleSend(event, 'message');
}

export function onAppointmentSendHandler(event: SendEvent): void {
  void handleSend(event, 'event');
}

// Top level, as the runtimes require: map the manifest's FunctionName values to the handlers.
if (typeof Office !== 'undefined' && Office.actions && typeof Office.actions.associate === 'function') {
  Office.actions.associate('onMessageSendHandler', onMessageSendHandler);
  Office.actions.associate('onAppointmentSendHandler', onAppointmentSendHandler);
}
