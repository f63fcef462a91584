// The JSON contract of the API, mirrored from api/OutlookCommit.Analysis/Model/*.cs
// (camelCase names, enums as camelCase strings) and the API's request/response records.

export type DraftKind = 'message' | 'event';
export type BodyType = 'text' | 'html';
export type Outcome = 'continuation' | 'advance' | 'closedLoop';
export type NextStepType =
  | 'technicalExchange'
  | 'introduction'
  | 'visit'
  | 'onlineMeeting'
  | 'executiveMeeting'
  | 'materials';
export type VagueKind = 'vagueAction' | 'vagueTime' | 'vagueAsk';
export type IgnoredKind = 'quote' | 'forward' | 'signature';
export type ElementName = 'action' | 'attendee' | 'date' | 'confirmation';

export const ELEMENT_NAMES: readonly ElementName[] = ['action', 'attendee', 'date', 'confirmation'];
export const NEXT_STEP_TYPES: readonly NextStepType[] = [
  'technicalExchange',
  'introduction',
  'visit',
  'onlineMeeting',
  'executiveMeeting',
  'materials',
];

export interface EmailAddress {
  name?: string | null;
  address?: string | null;
}

/** A draft as POST /api/analyses takes it (inline). */
export interface Draft {
  kind: DraftKind;
  subject?: string | null;
  body?: string | null;
  bodyType: BodyType;
  to?: EmailAddress[] | null;
  cc?: EmailAddress[] | null;
  attendees?: EmailAddress[] | null;
  optionalAttendees?: EmailAddress[] | null;
  /** ISO 8601 with offset. */
  start?: string | null;
  end?: string | null;
  location?: string | null;
  /** ISO 8601 with offset: the moment of writing, in the rep's offset. */
  referenceTime?: string | null;
  /** The rep's time zone (IANA id), for relative dates and invite slots. */
  timeZone?: string | null;
}

/** [start, end) in UTF-16 code units of DraftAnalysis.analyzedText. */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

export interface IgnoredRange {
  start: number;
  end: number;
  kind: IgnoredKind;
}

export interface ResolvedTime {
  start: string;
  end?: string | null;
  text: string;
}

export interface ElementReport {
  present: boolean;
  evidence: TextSpan[];
  /** One sentence in the draft's language when missing; null when present. */
  reason?: string | null;
}

export interface DateElementReport extends ElementReport {
  resolved?: ResolvedTime | null;
}

export interface Elements {
  action: ElementReport;
  attendee: ElementReport;
  date: DateElementReport;
  confirmation: ElementReport;
}

export interface VaguePhrase {
  start: number;
  end: number;
  text: string;
  kind: VagueKind;
  suggestion: string;
}

export interface ClosingTemplate {
  language: string;
  nextStep?: NextStepType | null;
  text: string;
  html: string;
}

export interface DraftAnalysis {
  /** "en", "zh" or "mixed". */
  language: string;
  analyzedText: string;
  bodyStart: number;
  ignored: IgnoredRange[];
  truncated: boolean;
  elements: Elements;
  outcome: Outcome;
  nextStep?: NextStepType | null;
  vaguePhrases: VaguePhrase[];
  asks: TextSpan[];
  closingTemplate: ClosingTemplate;
}

/** RFC 9457 problem details. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

// ---- POST /api/invites/suggestions ({ draft, durationMinutes?, timeZone? }) ----

export interface InviteCandidate {
  start: string;
  end: string;
  /** Graph's 0..100 estimate that everyone can attend; null without Graph. */
  confidence?: number | null;
  /** free, tentative, busy, or unknown (without Graph). */
  availability?: string | null;
  reason?: string | null;
}

export interface InviteSuggestion {
  language?: string | null;
  subject: string;
  /** The agenda body, in the draft's language. */
  agenda: string;
  attendees: EmailAddress[];
  durationMinutes: number;
  timeZone?: string | null;
  availabilityChecked?: boolean;
  candidates: InviteCandidate[];
  /** Graph's emptySuggestionsReason in words, when there are no candidates. */
  emptySuggestionsReason?: string | null;
  note?: string | null;
}

// ---- /api/commitments ----

export type CommitmentStatus = 'open' | 'overdue' | 'done';

/** A ledger entry as the pane shows it (CommitmentView, flattened; stalled entries carry their reason). */
export interface Commitment {
  id: string;
  what: string;
  who: EmailAddress[];
  due?: string | null;
  nextStep?: NextStepType | null;
  status: 'open' | 'done';
  overdue: boolean;
  subject?: string | null;
  sourceMessageId?: string | null;
  conversationId?: string | null;
  sentAt?: string | null;
  /** For stalled entries: why it is listed. */
  reason?: string | null;
}

export interface CommitmentList {
  items: Commitment[];
  /** For stalled: e.g. that Graph was not consulted in local mode. */
  note?: string | null;
}

/** POST /api/commitments: what the send handler records for an advance. */
export interface NewCommitment {
  what: string;
  who: EmailAddress[];
  due?: string | null;
  subject?: string | null;
  nextStep?: NextStepType | null;
  sourceMessageId?: string | null;
  conversationId?: string | null;
  sentAt?: string | null;
}
