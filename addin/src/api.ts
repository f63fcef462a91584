// The pane's client for the OutlookCommit API. Errors become ApiError with a kind the UI can word.
import type {
  Commitment,
  CommitmentList,
  CommitmentStatus,
  Draft,
  DraftAnalysis,
  EmailAddress,
  InviteCandidate,
  InviteSuggestion,
  NewCommitment,
  ProblemDetails,
} from './contract';
import { readAnalysis } from './logic/analysisShape';

export type ApiErrorKind = 'unreachable' | 'timeout' | 'http' | 'invalid';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    readonly problem?: ProblemDetails,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Returns a bearer token, or null in the API's local mode (no sign-in). */
export type TokenProvider = () => Promise<string | null>;

export interface ApiOptions {
  /** '' for the pane's own origin (the API serves the pane), or an absolute base URL. */
  baseUrl?: string;
  timeoutMs?: number;
  getToken?: TokenProvider;
  fetchImpl?: typeof fetch;
}

export class ApiClient {
  readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly getToken: TokenProvider;
  private readonly fetchImpl: typeof fetch;

  constructor(options: ApiOptions = {}) {
    this.baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.getToken = options.getToken ?? (async () => null);
    this.fetchImpl = options.fetchImpl ?? ((...args) => globalThis.fetch(...args));
  }

  /** Where the service is, for messages ("http://localhost:5180"). */
  get displayBase(): string {
    if (this.baseUrl) return this.baseUrl;
    return typeof location !== 'undefined' ? location.origin : '';
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    let text: string;
    // The timeout covers the whole answer: a service that sends its headers and then stalls is a timeout too.
    try {
      const token = await this.getToken();
      if (token) headers.Authorization = `Bearer ${token}`;
      response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      });
      text = await response.text().catch((e: unknown) => {
        if (controller.signal.aborted) throw e;
        return '';
      });
    } catch (e) {
      if (controller.signal.aborted) throw new ApiError('timeout', `No answer within ${this.timeoutMs} ms`);
      throw new ApiError('unreachable', e instanceof Error ? e.message : String(e));
    } finally {
      clearTimeout(timer);
    }
    if (!response.ok) {
      let problem: ProblemDetails | undefined;
      try {
        const parsed: unknown = text ? JSON.parse(text) : undefined;
        problem = isObj(parsed) ? (parsed as ProblemDetails) : undefined;
      } catch {
        problem = undefined;
      }
      // A proxy or dev server answering 502/503/504 without ProblemDetails means the API itself is not there.
      if (!problem && [502, 503, 504].includes(response.status)) {
        throw new ApiError('unreachable', `HTTP ${response.status}`, response.status);
      }
      const message = problem?.detail || problem?.title || `HTTP ${response.status}`;
      throw new ApiError('http', message, response.status, problem);
    }
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError('invalid', 'The answer was not JSON', response.status);
    }
  }

  async analyze(draft: Draft): Promise<DraftAnalysis> {
    const analysis = readAnalysis(await this.request<unknown>('POST', '/api/analyses', draft));
    if (!analysis) throw new ApiError('invalid', 'The analysis has an unexpected shape');
    return analysis;
  }

  async suggestInvite(draft: Draft, durationMinutes?: number): Promise<InviteSuggestion> {
    // The request is the draft's own fields (as for /api/analyses) plus an optional duration.
    const body = { ...draft, durationMinutes };
    return normalizeInvite(await this.request<unknown>('POST', '/api/invites/suggestions', body));
  }

  async commitments(status: CommitmentStatus): Promise<CommitmentList> {
    return normalizeCommitments(await this.request<unknown>('GET', `/api/commitments?status=${encodeURIComponent(status)}`));
  }

  async stalled(): Promise<CommitmentList> {
    return normalizeCommitments(await this.request<unknown>('GET', '/api/commitments/stalled'));
  }

  async markDone(id: string): Promise<void> {
    await this.request<unknown>('PATCH', `/api/commitments/${encodeURIComponent(id)}`, { done: true });
  }

  async record(commitment: NewCommitment): Promise<void> {
    await this.request<unknown>('POST', '/api/commitments', commitment);
  }
}

// ---- lenient readers: the pane shows what it can of the API's answers ----

type Loose = Record<string, unknown>;
const isObj = (v: unknown): v is Loose => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function addresses(v: unknown): EmailAddress[] {
  if (!Array.isArray(v)) return [];
  return v
    .map((a): EmailAddress | null => {
      if (typeof a === 'string') return { name: null, address: a };
      if (!isObj(a)) return null;
      const inner = isObj(a.emailAddress) ? a.emailAddress : a;
      return { name: str(inner.name), address: str(inner.address) };
    })
    .filter((a): a is EmailAddress => !!a && !!(a.name || a.address));
}

export function normalizeInvite(raw: unknown): InviteSuggestion {
  const r = isObj(raw) ? raw : {};
  const candidates: InviteCandidate[] = (Array.isArray(r.candidates) ? r.candidates : [])
    .filter(isObj)
    .map((c) => {
      const slot = isObj(c.meetingTimeSlot) ? c.meetingTimeSlot : c;
      const time = (v: unknown) => (isObj(v) ? str(v.dateTime) : str(v));
      return {
        start: time(slot.start) ?? '',
        end: time(slot.end) ?? '',
        confidence: num(c.confidence),
        availability: str(c.availability) ?? str(c.organizerAvailability),
        reason: str(c.reason) ?? str(c.suggestionReason),
      };
    })
    .filter((c) => !!c.start);
  return {
    language: str(r.language),
    subject: str(r.subject) ?? '',
    agenda: str(r.agenda) ?? str(r.body) ?? '',
    attendees: addresses(r.attendees ?? r.requiredAttendees),
    durationMinutes: num(r.durationMinutes) ?? 60,
    timeZone: str(r.timeZone),
    availabilityChecked: r.availabilityChecked === true,
    candidates,
    emptySuggestionsReason: str(r.emptySuggestionsReason),
    note: str(r.note),
  };
}

function commitmentOf(raw: Loose, index: number): Commitment {
  const c = isObj(raw.commitment) ? raw.commitment : raw;
  const who = typeof c.who === 'string' ? [{ name: c.who, address: null }] : addresses(c.who);
  const status = str(c.status);
  return {
    id: str(c.id) ?? String(num(c.id) ?? index),
    what: str(c.what) ?? '',
    who,
    due: str(c.due),
    nextStep: (str(c.nextStep) as Commitment['nextStep']) ?? null,
    status: status === 'done' ? 'done' : 'open',
    overdue: c.overdue === true || status === 'overdue',
    sourceMessageId: str(c.sourceMessageId),
    conversationId: str(c.conversationId),
    sentAt: str(c.sentAt),
    subject: str(c.subject),
    reason: str(raw.reason),
  };
}

/** Reads {items:[CommitmentView]} or a stalled list {note, items:[{commitment, reason}]}. */
export function normalizeCommitments(raw: unknown): CommitmentList {
  const list = Array.isArray(raw) ? raw : isObj(raw) && Array.isArray(raw.items) ? raw.items : [];
  return {
    items: list.filter(isObj).map(commitmentOf),
    note: isObj(raw) ? str(raw.note) : null,
  };
}
