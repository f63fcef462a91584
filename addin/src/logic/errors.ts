// What the pane says when something fails: a sentence in the pane's language chosen by the kind of failure and
// the HTTP status, plus the service's own detail where it helps the rep (never a stack trace or a page of HTML).
import type { StringKey } from '../i18n';
import type { PaneError } from '../state';

export interface ErrorWording {
  key: StringKey;
  args: Array<string | number>;
  /** The service's ProblemDetails detail (or title), cleaned; null when it would not help. */
  detail: string | null;
}

const MAX_DETAIL = 200;
/** Internals that must not reach the rep: exception types, stack frames, source lines; and an HTML page. */
const INTERNALS = /\b[\w.]*Exception\b|\bat [\w.$<>`]+ ?\(|\.(cs|java|py|js|ts):line\s*\d+|Traceback \(most recent call last\)/;
const HTML_PAGE = /<(!doctype|html|head|body)\b/i;

/** A one-line, short detail from the service, or null when it is empty or shows internals. */
export function cleanDetail(detail: string | null | undefined): string | null {
  const text = (detail ?? '').replace(/\s+/g, ' ').trim();
  if (!text || INTERNALS.test(text) || HTML_PAGE.test(text)) return null;
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text;
}

export function describeError(error: PaneError, where: string): ErrorWording {
  const detail = cleanDetail(error.detail);
  const status = error.status ?? 0;
  switch (error.kind) {
    case 'unreachable':
      return { key: 'apiUnreachable', args: [where], detail: null };
    case 'timeout':
      return { key: 'apiTimeout', args: [], detail: null };
    case 'invalid':
      return { key: 'apiInvalid', args: [], detail: null };
    case 'office':
      return { key: 'officeError', args: [cleanDetail(error.message) ?? ''], detail: null };
    case 'http':
      break;
  }
  if (status === 413) return { key: 'apiTooLarge', args: [], detail: null };
  if (status === 415) return { key: 'apiMismatch', args: [status], detail: null };
  if (status === 401 || status === 403) return { key: 'apiSignIn', args: [status], detail: null };
  if (status === 429) return { key: 'apiBusy', args: [], detail: null };
  if (status === 400 || status === 422) return { key: 'apiRejected', args: [status], detail };
  if (status >= 500) return { key: 'apiServerError', args: [status], detail };
  return { key: 'apiError', args: [status || '?'], detail };
}
