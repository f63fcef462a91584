// Builds the send handler into ONE self-contained classic script (dist/launchevent.js) for classic
// Outlook's JavaScript-only runtime, and dist/commands.html that loads it in the browser runtime
// (Outlook on the web, new Outlook, Mac). The API's absolute base URL is injected here:
//   OUTLOOKCOMMIT_BASE_URL=https://outlookcommit.contoso.com npm run build
import { build } from 'esbuild';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const HANDLER_BUDGET_BYTES = 50 * 1024;

/**
 * esbuild options for the handler script (also used by the tests, in memory).
 * @param {string} apiBase @param {string} [clientId]
 */
export function handlerBuildOptions(apiBase, clientId = '') {
  return {
    entryPoints: [resolve(root, 'src/launchevent.ts')],
    bundle: true,
    format: /** @type {const} */ ('iife'),
    platform: /** @type {const} */ ('browser'),
    // async/await lowered to generators: the most conservative target esbuild can lower async code to.
    target: 'es2016',
    minify: true,
    legalComments: /** @type {const} */ ('none'),
    define: {
      __API_BASE__: JSON.stringify(apiBase),
      // Production mode: the handler asks Office for an SSO token (Office.auth.getAccessToken, no library).
      __CLIENT_ID__: JSON.stringify(clientId),
    },
    logLevel: /** @type {const} */ ('warning'),
  };
}

const COMMANDS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=Edge">
<title>OutlookCommit send check</title>
<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>
<script src="launchevent.js"></script>
</head>
<body></body>
</html>
`;

async function main() {
  const dist = resolve(root, 'dist');
  const baseUrl = (process.env.OUTLOOKCOMMIT_BASE_URL || 'https://localhost:5180').replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(baseUrl)) {
    console.error(`OUTLOOKCOMMIT_BASE_URL must be an absolute http(s) URL, got: ${baseUrl}`);
    process.exit(2);
  }
  mkdirSync(dist, { recursive: true });
  await build({ ...handlerBuildOptions(baseUrl, process.env.OUTLOOKCOMMIT_CLIENT_ID ?? ''), outfile: resolve(dist, 'launchevent.js') });
  writeFileSync(resolve(dist, 'commands.html'), COMMANDS_HTML);
  const size = statSync(resolve(dist, 'launchevent.js')).size;
  console.log(`dist/launchevent.js ${(size / 1024).toFixed(1)} KiB minified (API base ${baseUrl})`);
  if (size > HANDLER_BUDGET_BYTES) {
    console.error('The send handler must stay under 50 KB minified.');
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
