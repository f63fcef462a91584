import { afterEach, describe, expect, it, vi } from 'vitest';
import { builtInAuthConfig, defaultScope, tokenProvider, type NestableClient } from '../src/auth';
import { getSsoToken } from '../src/office';
import { outlookMock } from './outlookMock';

afterEach(() => vi.unstubAllGlobals());

describe('NAA sign-in', () => {
  it('local mode (no client id built in) sends no token and never loads MSAL', async () => {
    expect(builtInAuthConfig()).toBeNull();
    const factory = vi.fn();
    expect(await tokenProvider(null, factory)()).toBeNull();
    expect(factory).not.toHaveBeenCalled();
  });

  it('acquires the token silently, once per client, with the API scope', async () => {
    const client: NestableClient = {
      acquireTokenSilent: vi.fn(async () => ({ accessToken: 'silent' })),
      acquireTokenPopup: vi.fn(async () => ({ accessToken: 'popup' })),
    };
    const factory = vi.fn(async () => client);
    const get = tokenProvider({ clientId: 'c1', scope: defaultScope('c1') }, factory);
    expect(await get()).toBe('silent');
    expect(await get()).toBe('silent');
    expect(factory).toHaveBeenCalledTimes(1);
    expect(client.acquireTokenSilent).toHaveBeenCalledWith({ scopes: ['api://c1/access_as_user'] });
    expect(client.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it('falls back to a popup when silent acquisition needs interaction', async () => {
    const client: NestableClient = {
      acquireTokenSilent: vi.fn(async () => Promise.reject(new Error('interaction_required'))),
      acquireTokenPopup: vi.fn(async () => ({ accessToken: 'popup' })),
    };
    expect(await tokenProvider({ clientId: 'c1', scope: 's' }, async () => client)()).toBe('popup');
  });
});

describe('Office SSO for the send handler', () => {
  it('returns the token, or null when absent, refused or slow', async () => {
    const m = outlookMock();
    vi.stubGlobal('Office', m.office);
    expect(await getSsoToken(50)).toBeNull();
    m.office.auth = { getAccessToken: async () => 'sso' };
    expect(await getSsoToken(50)).toBe('sso');
    m.office.auth = { getAccessToken: async () => Promise.reject(new Error('13001')) };
    expect(await getSsoToken(50)).toBeNull();
    m.office.auth = { getAccessToken: () => new Promise(() => {}) };
    expect(await getSsoToken(30)).toBeNull();
  });
});
