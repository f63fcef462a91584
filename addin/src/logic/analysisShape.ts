// Reads an analysis as the API sent it, leniently: what the pane and the send check use is always there, with
// the right types, so an older or newer API (a field missing, an unknown next-step type) never breaks the pane
// or the send. Null when the answer is not an analysis at all (no elements, an outcome this add-in does not know).
import {
  ELEMENT_NAMES,
  NEXT_STEP_TYPES,
  type DateElementReport,
  type DraftAnalysis,
  type ElementReport,
  type NextStepType,
  type Outcome,
  type TextSpan,
  type VagueKind,
  type VaguePhrase,
} from '../contract';

const OUTCOMES: readonly Outcome[] = ['continuation', 'advance', 'closedLoop'];
const VAGUE_KINDS: readonly VagueKind[] = ['vagueAction', 'vagueTime', 'vagueAsk'];

type Loose = Record<string, unknown>;
const isObj = (v: unknown): v is Loose => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const list = (v: unknown): Loose[] => (Array.isArray(v) ? v.filter(isObj) : []);
const oneOf = <T extends string>(v: unknown, allowed: readonly T[]): T | null => (allowed.includes(v as T) ? (v as T) : null);

function spans(v: unknown): TextSpan[] {
  return list(v)
    .filter((s) => typeof s.text === 'string')
    .map((s) => ({ start: num(s.start), end: num(s.end), text: str(s.text) }));
}

function element(v: unknown): ElementReport {
  const e = isObj(v) ? v : {};
  return { present: e.present === true, evidence: spans(e.evidence), reason: typeof e.reason === 'string' ? e.reason : null };
}

function dateElement(v: unknown): DateElementReport {
  const resolved = isObj(v) && isObj(v.resolved) && typeof v.resolved.start === 'string' ? v.resolved : null;
  return {
    ...element(v),
    resolved: resolved ? { start: str(resolved.start), end: typeof resolved.end === 'string' ? resolved.end : null, text: str(resolved.text) } : null,
  };
}

export function readAnalysis(raw: unknown): DraftAnalysis | null {
  if (!isObj(raw) || !isObj(raw.elements)) return null;
  const outcome = oneOf(raw.outcome, OUTCOMES);
  if (!outcome) return null;
  const e = raw.elements;
  const [action, attendee, , confirmation] = ELEMENT_NAMES.map((name) => element(e[name]));
  const vaguePhrases: VaguePhrase[] = list(raw.vaguePhrases)
    .filter((v) => typeof v.text === 'string' && oneOf(v.kind, VAGUE_KINDS))
    .map((v) => ({ start: num(v.start), end: num(v.end), text: str(v.text), kind: v.kind as VagueKind, suggestion: str(v.suggestion) }));
  const template = isObj(raw.closingTemplate) ? raw.closingTemplate : {};
  const language = str(raw.language, 'en');
  const nextStep: NextStepType | null = oneOf(raw.nextStep, NEXT_STEP_TYPES);
  return {
    language,
    analyzedText: str(raw.analyzedText),
    bodyStart: num(raw.bodyStart),
    ignored: Array.isArray(raw.ignored) ? (raw.ignored as DraftAnalysis['ignored']) : [],
    truncated: raw.truncated === true,
    elements: { action: action!, attendee: attendee!, date: dateElement(e.date), confirmation: confirmation! },
    outcome,
    nextStep,
    vaguePhrases,
    asks: spans(raw.asks),
    closingTemplate: {
      language: str(template.language, language),
      nextStep: oneOf(template.nextStep, NEXT_STEP_TYPES),
      text: str(template.text),
      html: str(template.html),
    },
  };
}
