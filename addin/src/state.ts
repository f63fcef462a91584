// The pane's one typed state object and its reducer (React's useReducer; no redux).
import type { ApiErrorKind } from './api';
import type { Commitment, Draft, DraftAnalysis, ElementName, InviteSuggestion } from './contract';
import type { UiLanguage } from './i18n';

export type Mode = 'starting' | 'outlook' | 'preview';

/** What the preview's form holds (a plain browser, no Outlook). */
export interface PreviewForm {
  kind: 'message' | 'event';
  subject: string;
  body: string;
  to: string;
  cc: string;
  attendees: string;
  /** datetime-local values (local time), for invites. */
  start: string;
  end: string;
}

export interface PaneError {
  kind: ApiErrorKind | 'office';
  message: string;
  /** The HTTP status of an API answer other than success. */
  status?: number;
  /** The API's ProblemDetails detail (or title), as sent. */
  detail?: string | null;
}

export interface PaneState {
  mode: Mode;
  lang: UiLanguage;
  dark: boolean;
  tab: 'check' | 'commitments';
  /** Set when a Smart Alert paused the send and its button opened the pane: what was missing. */
  sendPaused: ElementName[] | null;
  preview: PreviewForm;
  analysis: {
    status: 'idle' | 'running' | 'done' | 'error';
    draft: Draft | null;
    result: DraftAnalysis | null;
    error: PaneError | null;
    /** When the shown result was computed (ms since epoch). */
    at: number | null;
  };
  template: { status: 'idle' | 'inserting' | 'inserted' | 'error'; error: string | null };
  invite: {
    status: 'idle' | 'running' | 'done' | 'error';
    suggestion: InviteSuggestion | null;
    error: PaneError | null;
    /** Set when the host cannot open a new meeting form from compose. */
    formUnavailable: boolean;
  };
  commitments: {
    status: 'idle' | 'running' | 'done' | 'error';
    open: Commitment[];
    overdue: Commitment[];
    stalled: Commitment[];
    /** The API's note on the stalled list (e.g. Graph not consulted in local mode). */
    stalledNote: string | null;
    error: PaneError | null;
  };
}

export type Action =
  | { type: 'started'; mode: Exclude<Mode, 'starting'>; lang: UiLanguage; dark: boolean }
  | { type: 'language'; lang: UiLanguage }
  | { type: 'tab'; tab: PaneState['tab'] }
  | { type: 'preview/edit'; patch: Partial<PreviewForm> }
  | { type: 'sendPaused'; missing: ElementName[] | null }
  | { type: 'analysis/start' }
  | { type: 'analysis/done'; draft: Draft; result: DraftAnalysis; at: number }
  | { type: 'analysis/error'; error: PaneError }
  | { type: 'template/start' }
  | { type: 'template/done' }
  | { type: 'template/error'; error: string }
  | { type: 'invite/start' }
  | { type: 'invite/done'; suggestion: InviteSuggestion }
  | { type: 'invite/error'; error: PaneError }
  | { type: 'invite/formUnavailable' }
  | { type: 'commitments/start' }
  | { type: 'commitments/done'; open: Commitment[]; overdue: Commitment[]; stalled: Commitment[]; stalledNote: string | null }
  | { type: 'commitments/error'; error: PaneError }
  | { type: 'commitments/markedDone'; id: string };

export function initialState(lang: UiLanguage = 'en'): PaneState {
  return {
    mode: 'starting',
    lang,
    dark: false,
    tab: 'check',
    sendPaused: null,
    preview: { kind: 'message', subject: '', body: '', to: '', cc: '', attendees: '', start: '', end: '' },
    analysis: { status: 'idle', draft: null, result: null, error: null, at: null },
    template: { status: 'idle', error: null },
    invite: { status: 'idle', suggestion: null, error: null, formUnavailable: false },
    commitments: { status: 'idle', open: [], overdue: [], stalled: [], stalledNote: null, error: null },
  };
}

export function reducer(state: PaneState, action: Action): PaneState {
  switch (action.type) {
    case 'started':
      return { ...state, mode: action.mode, lang: action.lang, dark: action.dark };
    case 'language':
      return { ...state, lang: action.lang };
    case 'tab':
      return { ...state, tab: action.tab };
    case 'sendPaused':
      return { ...state, sendPaused: action.missing, tab: action.missing ? 'check' : state.tab };
    case 'preview/edit':
      return { ...state, preview: { ...state.preview, ...action.patch } };
    case 'analysis/start':
      // Keep showing the previous result while the new one is computed.
      return { ...state, analysis: { ...state.analysis, status: 'running' } };
    case 'analysis/done':
      return {
        ...state,
        analysis: { status: 'done', draft: action.draft, result: action.result, error: null, at: action.at },
        // Once the draft is an advance the paused send is no longer the news.
        sendPaused: action.result.outcome === 'continuation' ? state.sendPaused : null,
        template: state.template.status === 'error' ? { status: 'idle', error: null } : state.template,
      };
    case 'analysis/error':
      return { ...state, analysis: { ...state.analysis, status: 'error', error: action.error } };
    case 'template/start':
      return { ...state, template: { status: 'inserting', error: null } };
    case 'template/done':
      return { ...state, template: { status: 'inserted', error: null } };
    case 'template/error':
      return { ...state, template: { status: 'error', error: action.error } };
    case 'invite/start':
      return { ...state, invite: { ...state.invite, status: 'running', error: null } };
    case 'invite/done':
      return { ...state, invite: { status: 'done', suggestion: action.suggestion, error: null, formUnavailable: state.invite.formUnavailable } };
    case 'invite/error':
      return { ...state, invite: { ...state.invite, status: 'error', error: action.error } };
    case 'invite/formUnavailable':
      return { ...state, invite: { ...state.invite, formUnavailable: true } };
    case 'commitments/start':
      return { ...state, commitments: { ...state.commitments, status: 'running', error: null } };
    case 'commitments/done':
      return {
        ...state,
        commitments: { status: 'done', open: action.open, overdue: action.overdue, stalled: action.stalled, stalledNote: action.stalledNote, error: null },
      };
    case 'commitments/error':
      return { ...state, commitments: { ...state.commitments, status: 'error', error: action.error } };
    case 'commitments/markedDone': {
      const drop = (l: Commitment[]) => l.filter((c) => c.id !== action.id);
      const c = state.commitments;
      return { ...state, commitments: { ...c, open: drop(c.open), overdue: drop(c.overdue), stalled: drop(c.stalled) } };
    }
  }
}
