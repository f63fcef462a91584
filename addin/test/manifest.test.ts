import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BASE_URL, addinDir, generate, loadConfig, manifestDir, normalizeBase, renderJson, renderLocalization, renderXml } from '../scripts/manifest.mjs';
import { OPEN_PANE_COMMAND } from '../src/launchevent';

/** shared/ sits beside the repository (…/main and …/shared); walk up until it is found. */
function findSchemas(): string {
  for (let dir = addinDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'schemas', 'office-addin-manifest', 'OfficeAppManifestV1_1.xsd');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`shared/schemas/office-addin-manifest not found above ${addinDir}`);
  }
}

function xmllint(file: string): string {
  try {
    return execFileSync('xmllint', ['--noout', '--schema', findSchemas(), file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { code?: string; stderr?: string; message: string };
    if (err.code === 'ENOENT') throw new Error('xmllint is not installed (Debian package libxml2-utils)');
    throw new Error(`xmllint rejected ${file}:\n${err.stderr ?? err.message}`);
  }
}

const config = loadConfig();
const PROD = 'https://outlookcommit.contoso.example/app';

describe('manifests', () => {
  const out = mkdtempSync(join(tmpdir(), 'oc-manifest-'));
  const files = generate(PROD, out);
  const sso = generate(PROD, mkdtempSync(join(tmpdir(), 'oc-manifest-sso-')), { clientId: '11111111-2222-4333-8444-555555555555' });

  it('the XML manifest validates against the Office add-in XSD (xmllint)', () => {
    xmllint(files.xml);
    xmllint(sso.xml);
    xmllint(resolve(manifestDir, 'manifest.xml'));
  });

  it('the unified manifest validates against its official JSON schema', () => {
    const schemaPath = resolve(
      addinDir,
      `node_modules/@microsoft/app-manifest/build/json-schemas/teams/v${config.unifiedManifestVersion}/MicrosoftTeams.schema.json`,
    );
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    for (const file of [files.json, sso.json, resolve(manifestDir, 'manifest.json')]) {
      const ok = validate(JSON.parse(readFileSync(file, 'utf8')));
      expect(validate.errors ?? [], file).toEqual([]);
      expect(ok).toBe(true);
    }
    // The localization schema has patterns that are not valid with the u flag (e.g. `\b]`): compile them as plain RegExps.
    const plain = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(plain);
    const localization = plain.compile(JSON.parse(readFileSync(schemaPath.replace('MicrosoftTeams.schema.json', 'MicrosoftTeams.Localization.schema.json'), 'utf8')));
    for (const file of [join(out, 'zh-cn.json'), resolve(manifestDir, 'zh-cn.json')]) {
      const ok = localization(JSON.parse(readFileSync(file, 'utf8')));
      expect(localization.errors ?? [], file).toEqual([]);
      expect(ok).toBe(true);
    }
    const zh = JSON.parse(readFileSync(join(out, 'zh-cn.json'), 'utf8'));
    expect(zh['extensions[0].ribbons[1].tabs[0].groups[0].controls[0].label']).toBe('检查下一步');
  });

  it('the committed manifests are exactly what the command generates for the development URL', () => {
    expect(readFileSync(resolve(manifestDir, 'manifest.xml'), 'utf8')).toBe(renderXml(config, DEFAULT_BASE_URL));
    expect(readFileSync(resolve(manifestDir, 'manifest.json'), 'utf8')).toBe(renderJson(config, DEFAULT_BASE_URL));
    expect(readFileSync(resolve(manifestDir, 'zh-cn.json'), 'utf8')).toBe(renderLocalization(config, 'zh-CN'));
  });

  it('points every URL at the base URL it was generated for', () => {
    const x = readFileSync(files.xml, 'utf8');
    const j = readFileSync(files.json, 'utf8');
    expect(x).not.toContain('localhost');
    expect(j).not.toContain('localhost');
    expect(x).toContain(`<SourceLocation DefaultValue="${PROD}/index.html?host=outlook"/>`);
    expect(x).toContain(`<bt:Url id="JSRuntime.Url" DefaultValue="${PROD}/launchevent.js"/>`);
    expect(x).toContain('<AppDomain>https://outlookcommit.contoso.example</AppDomain>');
    const m = JSON.parse(j);
    expect(m.validDomains).toEqual(['outlookcommit.contoso.example']);
    expect(m.extensions[0].runtimes[1].code).toEqual({ page: `${PROD}/commands.html`, script: `${PROD}/launchevent.js` });
  });

  it('wires the send events and pane buttons to the names the code uses', () => {
    const x = readFileSync(files.xml, 'utf8');
    expect(x).toContain('<LaunchEvent Type="OnMessageSend" FunctionName="onMessageSendHandler" SendMode="SoftBlock"/>');
    expect(x).toContain('<LaunchEvent Type="OnAppointmentSend" FunctionName="onAppointmentSendHandler" SendMode="SoftBlock"/>');
    expect(x).toContain('<Override type="javascript" resid="JSRuntime.Url"/>');
    expect(x).toContain('xsi:type="MessageComposeCommandSurface"');
    expect(x).toContain('xsi:type="AppointmentOrganizerCommandSurface"');
    expect(x).toContain(`<Control xsi:type="Button" id="${OPEN_PANE_COMMAND.message}">`);
    expect(x).toContain(`<Control xsi:type="Button" id="${OPEN_PANE_COMMAND.event}">`);
    const m = JSON.parse(readFileSync(files.json, 'utf8'));
    const ext = m.extensions[0];
    expect(ext.autoRunEvents[0].events).toEqual([
      { type: 'messageSending', actionId: 'onMessageSendHandler', options: { sendMode: 'softBlock' } },
      { type: 'appointmentSending', actionId: 'onAppointmentSendHandler', options: { sendMode: 'softBlock' } },
    ]);
    const actions = ext.runtimes.flatMap((r: { actions: Array<{ id: string }> }) => r.actions.map((a) => a.id));
    expect(actions).toEqual(expect.arrayContaining([OPEN_PANE_COMMAND.message, OPEN_PANE_COMMAND.event, 'onMessageSendHandler', 'onAppointmentSendHandler']));
    expect(existsSync(join(out, 'icon-color.png')) && existsSync(join(out, 'icon-outline.png'))).toBe(true);
  });

  it('production mode adds the API app for Office SSO; local mode has none', () => {
    const resource = 'api://outlookcommit.contoso.example/11111111-2222-4333-8444-555555555555';
    expect(readFileSync(sso.xml, 'utf8')).toContain(`<Resource>${resource}</Resource>`);
    expect(JSON.parse(readFileSync(sso.json, 'utf8')).webApplicationInfo).toEqual({ id: '11111111-2222-4333-8444-555555555555', resource });
    expect(readFileSync(files.xml, 'utf8')).not.toContain('WebApplicationInfo');
    expect(() => generate(PROD, mkdtempSync(join(tmpdir(), 'oc-bad-')), { clientId: 'not-a-guid' })).toThrow(/GUID/);
  });

  it('refuses a base URL Outlook cannot load', () => {
    expect(() => normalizeBase('http://localhost:5180')).toThrow(/https/);
    expect(() => normalizeBase('localhost')).toThrow();
    expect(normalizeBase('https://x.example/')).toBe('https://x.example');
  });
});
