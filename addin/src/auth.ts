// Sign-in for the API's production mode: nested app authentication (NAA) with MSAL.js.
// In the API's local mode (no client id built in) the pane sends no token and MSAL is never loaded.
import type { TokenProvider } from './api';

/** Injected at build time from OUTLOOKCOMMIT_CLIENT_ID / OUTLOOKCOMMIT_API_SCOPE (see vite.config.ts). */
declare const __CLIENT_ID__: string;
declare const __API_SCOPE__: string;

export interface AuthConfig {
  clientId: string;
  /** The API's delegated scope, e.g. api://<clientId>/access_as_user. */
  scope: string;
  authority?: string;
}

export function builtInAuthConfig(): AuthConfig | null {
  const clientId = typeof __CLIENT_ID__ === 'string' ? __CLIENT_ID__.trim() : '';
  if (!clientId) return null;
  const scope = (typeof __API_SCOPE__ === 'string' && __API_SCOPE__.trim()) || defaultScope(clientId);
  return { clientId, scope };
}

export function defaultScope(clientId: string): string {
  return `api://${clientId}/access_as_user`;
}

/** The MSAL surface used here, so tests can pass a fake. */
export interface NestableClient {
  acquireTokenSilent(request: { scopes: string[] }): Promise<{ accessToken: string }>;
  acquireTokenPopup(request: { scopes: string[] }): Promise<{ accessToken: string }>;
}

export type ClientFactory = (config: AuthConfig) => Promise<NestableClient>;

/** Loads MSAL only when sign-in is configured: its chunk is not part of the pane's first load. */
export const msalFactory: ClientFactory = async (config) => {
  const msal = await import('@azure/msal-browser');
  return msal.createNestablePublicClientApplication({
    auth: { clientId: config.clientId, authority: config.authority ?? 'https://login.microsoftonline.com/common' },
  });
};

/**
 * acquireTokenSilent first (NAA: the signed-in Outlook account, no prompt), then a popup when the user must
 * consent or sign in. Null config → local mode: no token.
 */
export function tokenProvider(config: AuthConfig | null, factory: ClientFactory = msalFactory): TokenProvider {
  if (!config) return async () => null;
  let client: Promise<NestableClient> | null = null;
  return async () => {
    client ??= factory(config);
    const pca = await client;
    const request = { scopes: [config.scope] };
    try {
      return (await pca.acquireTokenSilent(request)).accessToken;
    } catch {
      return (await pca.acquireTokenPopup(request)).accessToken;
    }
  };
}
