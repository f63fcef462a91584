import { createRoot } from 'react-dom/client';
import { ApiClient } from './api';
import { builtInAuthConfig, tokenProvider } from './auth';
import { bootPlan, currentSignals, loadScript, OFFICE_JS_URL } from './boot';
import { uiLanguage } from './i18n';
import { displayLanguage, isDarkTheme, whenOfficeReady } from './office';
import { App } from './ui/App';

async function start() {
  const plan = bootPlan(currentSignals());
  let inOutlook = false;
  if (plan === 'load-office') {
    // Office.js from Microsoft's CDN; offline or blocked → the preview, never a broken page.
    if (await loadScript(OFFICE_JS_URL, 8000)) inOutlook = await whenOfficeReady(8000);
  } else if (plan === 'use-office') {
    inOutlook = await whenOfficeReady(5000);
  }
  const prefersDark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  const lang = uiLanguage(inOutlook ? displayLanguage() : new URLSearchParams(location.search).get('lang') ?? navigator.language);
  const dark = inOutlook ? (isDarkTheme() ?? prefersDark) : prefersDark;
  // Sign-in (NAA) only inside Outlook and only when the build has a client id; the preview and local mode send no token.
  const api = new ApiClient({ baseUrl: '', getToken: tokenProvider(inOutlook ? builtInAuthConfig() : null) });
  const root = document.getElementById('root');
  if (!root) return;
  document.getElementById('boot')?.remove();
  createRoot(root).render(<App mode={inOutlook ? 'outlook' : 'preview'} lang={lang} dark={dark} api={api} />);
}

void start();
