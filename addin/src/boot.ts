// Decides, before anything renders, whether this page runs inside Outlook or as the preview.

export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export interface BootSignals {
  search: string;
  hash: string;
  inFrame: boolean;
  /** WebView2 (classic/new Outlook on Windows) or WKWebView (Mac) bridges. */
  nativeBridge: boolean;
  /** A stub or an already loaded Office.js. */
  officeGlobal: boolean;
}

export type BootPlan = 'preview' | 'use-office' | 'load-office';

/**
 * - ?preview forces the preview; an Office global already there is used as is (tests inject a stub);
 * - the manifest opens the pane with ?host=outlook, and Outlook adds _host_Info: load Office.js;
 * - otherwise a plain top-level browser tab: the preview, without touching the network.
 */
export function bootPlan(s: BootSignals): BootPlan {
  const params = new URLSearchParams(s.search);
  if (params.has('preview')) return 'preview';
  if (s.officeGlobal) return 'use-office';
  const q = `${s.search}${s.hash}`;
  if (params.get('host') === 'outlook' || /[?&#]_host_Info=/i.test(q)) return 'load-office';
  if (s.inFrame || s.nativeBridge) return 'load-office';
  return 'preview';
}

export function currentSignals(): BootSignals {
  const w = window as unknown as {
    chrome?: { webview?: unknown };
    webkit?: { messageHandlers?: Record<string, unknown> };
    Office?: unknown;
  };
  let inFrame = false;
  try {
    inFrame = window.self !== window.top;
  } catch {
    inFrame = true;
  }
  return {
    search: location.search,
    hash: location.hash,
    inFrame,
    nativeBridge: !!w.chrome?.webview || !!w.webkit?.messageHandlers,
    officeGlobal: typeof w.Office !== 'undefined',
  };
}

/** Loads a classic script; resolves false on error or when it takes longer than timeoutMs (offline). */
export function loadScript(src: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const el = document.createElement('script');
    const timer = setTimeout(() => resolve(false), timeoutMs);
    el.src = src;
    el.async = true;
    el.onload = () => {
      clearTimeout(timer);
      resolve(true);
    };
    el.onerror = () => {
      clearTimeout(timer);
      resolve(false);
    };
    document.head.appendChild(el);
  });
}
