// Builds the send handler into ONE self-contained classic script (dist/launchevent.js) for classic
// Outlook's JavaScript-only runtime, and dist/commands.html that loads it in the browser runtime
// (Outlook on the web, new Outlook, Mac). The API's absolute base URL is injected here:
//   OUTLOOKCOMMIT_BASE_URL=https://outlookcommit.contoso.com npm run build
import { build } from 'esbuild';
import { mkdirSync, writeFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(root, 'dist');
const baseUrl = (process.env.OUTLOOKCOMMIT_BASE_URL || 'https://localhost:5180').replace(/\/+$/, '');
if (!/^https?:\/\/[^\s/]+/.test(baseUrl)) {
  console.error(`OUTLOOKCOMMIT_BASE_URL must be an absolute http(s) URL, got: ${baseUrl}`);
  process.exit(2);
}
mkdirSync(dist, { recursive: true });

await build({
  entryPoints: [resolve(root, 'src/launchevent.ts')],
  outfile: resolve(dist, 'launchevent.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2017',
  minify: true,
  legalComments: 'none',
  define: {
    __API_BASE__: JSON.stringify(baseUrl),
    // Production mode: the handler asks Office for an SSO token (Office.auth.getAccessToken, no library) for the API.
    __CLIENT_ID__: JSON.stringify(process.env.OUTLOOKCOMMIT_CLIENT_ID ?? ''),
  },
  logLevel: 'warning',
});

writeFileSync(
  resolve(dist, 'commands.html'),
  `<!doctype html>
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
`,
);

const size = statSync(resolve(dist, 'launchevent.js')).size;
console.log(`dist/launchevent.js ${(size / 1024).toFixed(1)} KiB minified (API base ${baseUrl})`);
if (size > 50 * 1024) {
  console.error('The send handler must stay under 50 KB minified.');
  process.exit(1);
}
