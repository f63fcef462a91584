// What the before-send check (Smart Alerts) decides, as pure functions shared by the handler and its tests.
import type { DraftAnalysis, ElementName, EmailAddress, NewCommitment, VagueKind } from '../contract';
import type { UiLanguage } from '../i18n';

/** The three elements an advance needs; confirmation only closes the loop. */
export const REQUIRED_ELEMENTS: readonly ElementName[] = ['action', 'attendee', 'date'];

export type SendDecision =
  | { allow: true; why: 'advance' | 'failOpen' | 'internalOnly' | 'alreadyWarned' | 'empty'; record: boolean }
  | { allow: false; why: 'continuation'; missing: ElementName[]; message: string; cancelLabel: string };

export interface SendContext {
  /** The analysis, or null when the API failed, timed out or the item could not be read. */
  analysis: DraftAnalysis | null;
  lang: UiLanguage;
  /** Every recipient is in the sender's own domain: not a customer follow-up. */
  internalOnly?: boolean;
  /** The rep was already warned about this very draft (same fingerprint) and sends again. */
  alreadyWarned?: boolean;
}

/** Smart Alerts: "The error message must be 500 characters or less" (errorMessage). */
export const MAX_MESSAGE = 500;
/** Smart Alerts: custom cancelLabel text "must be 20 characters or less". */
export const MAX_CANCEL_LABEL = 20;
const MAX_QUOTE = 40;

const words: Record<UiLanguage, {
  quote: (s: string) => string;
  action: (p?: string) => string;
  attendee: () => string;
  date: (p?: string) => string;
  question: string;
  cancelLabel: string;
  separator: string;
}> = {
  en: {
    quote: (s) => `“${s}”`,
    action: (p) => (p ? `No action: ${p} does not say what happens next.` : 'No action: the draft proposes no concrete next step.'),
    attendee: () => 'No one named: say who else takes part (a name, a title or a team).',
    date: (p) => (p ? `No date: ${p} does not say when.` : 'No date: the next step has no day or time.'),
    question: 'Add the closing template?',
    cancelLabel: 'Add closing template',
    separator: ' ',
  },
  zh: {
    quote: (s) => `“${s}”`,
    action: (p) => (p ? `缺少行动：${p}没有说明下一步做什么。` : '缺少行动：草稿没有提出具体的下一步。'),
    attendee: () => '缺少参与人：请写明还有谁参加（姓名、职务或团队）。',
    date: (p) => (p ? `缺少时间：${p}没有说明具体什么时候。` : '缺少时间：下一步没有日期或时间。'),
    question: '要插入收尾模板吗？',
    cancelLabel: '插入收尾模板',
    separator: '',
  },
};

const vagueKindFor: Partial<Record<ElementName, VagueKind>> = { action: 'vagueAction', date: 'vagueTime' };

/** Characters a plain-text dialog must not take from a draft: controls, zero-width and bidi overrides. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** Clips to at most `max` UTF-16 units, ending with "…", never splitting a surrogate pair. */
export function clipText(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = max - 1;
  const last = s.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return `${s.slice(0, cut)}…`;
}

/**
 * A phrase of the draft as the alert may quote it: plain text without markup (tags, a dangling "<…", script or
 * style content), control, zero-width or bidi characters, on one line, at most 40 characters. Smart Alerts shows
 * errorMessage as plain text: the message stays the product's own sentence with a short quote, never draft HTML.
 */
export function plainQuote(s: string): string {
  const text = s
    .replace(/<(script|style)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
    .replace(/<[^>]*>?/g, ' ')
    .replace(/[<>]/g, ' ')
    .replace(INVISIBLE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clipText(text, MAX_QUOTE);
}

/** The elements an advance still lacks, in checklist order. */
export function missingElements(analysis: DraftAnalysis): ElementName[] {
  return REQUIRED_ELEMENTS.filter((name) => !analysis.elements[name]?.present);
}

/** The short localized Smart Alerts message naming what is missing, quoting the vague phrase when there is one. */
export function blockMessage(analysis: DraftAnalysis, missing: ElementName[], lang: UiLanguage): string {
  const w = words[lang];
  const parts = missing.map((name) => {
    const kind = vagueKindFor[name];
    const phrase = kind ? (analysis.vaguePhrases ?? []).find((v) => v?.kind === kind) : undefined;
    const text = phrase && typeof phrase.text === 'string' ? plainQuote(phrase.text) : '';
    const quoted = text ? w.quote(text) : undefined;
    if (name === 'action') return w.action(quoted);
    if (name === 'date') return w.date(quoted);
    return w.attendee();
  });
  return clipText([...parts, w.question].join(w.separator), MAX_MESSAGE);
}

export function decideSend(ctx: SendContext): SendDecision {
  const { analysis } = ctx;
  if (!analysis) return { allow: true, why: 'failOpen', record: false };
  if (analysis.outcome === 'advance' || analysis.outcome === 'closedLoop') {
    return { allow: true, why: 'advance', record: true };
  }
  if (ctx.internalOnly) return { allow: true, why: 'internalOnly', record: false };
  if (ctx.alreadyWarned) return { allow: true, why: 'alreadyWarned', record: false };
  if (!analysis.analyzedText.trim()) return { allow: true, why: 'empty', record: false };
  const missing = missingElements(analysis);
  if (missing.length === 0) return { allow: true, why: 'advance', record: true };
  return {
    allow: false,
    why: 'continuation',
    missing,
    message: blockMessage(analysis, missing, ctx.lang),
    cancelLabel: words[ctx.lang].cancelLabel,
  };
}

/** Reads the contextData the handler passes to the pane: the missing elements, or null if it is not ours. */
export function parseSmartAlertContext(raw: unknown): ElementName[] | null {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return null;
    }
  }
  if (!value || typeof value !== 'object') return null;
  const v = value as { source?: unknown; missing?: unknown };
  if (v.source !== 'smartAlert' || !Array.isArray(v.missing)) return null;
  return REQUIRED_ELEMENTS.filter((name) => (v.missing as unknown[]).includes(name));
}

/** True when every address is in the sender's domain (and there is at least one). */
export function isInternalOnly(senderAddress: string | null | undefined, addresses: Array<string | null | undefined>): boolean {
  const domainOf = (a: string | null | undefined) => {
    const at = (a ?? '').lastIndexOf('@');
    return at < 0 ? '' : (a ?? '').slice(at + 1).trim().toLowerCase();
  };
  const own = domainOf(senderAddress);
  const list = addresses.filter((a): a is string => !!a && a.includes('@'));
  return !!own && list.length > 0 && list.every((a) => domainOf(a) === own);
}

/** A short stable fingerprint of a draft's content (FNV-1a, hex), to warn once per version of a draft. */
export function fingerprint(...parts: Array<string | null | undefined>): string {
  let h = 0x811c9dc5;
  const s = parts.map((p) => p ?? '').join('\u0000');
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The ledger entry for an advance: what, who (the people the draft names, then its addressees), when and the
 * next-step type. "What" is the sentence that asks for the next step where the engine found one, else the
 * action's evidence, else the subject. Null when there is nothing to record.
 */
export function commitmentFrom(
  analysis: DraftAnalysis,
  source: {
    subject?: string | null;
    recipients?: EmailAddress[];
    start?: string | null;
    itemId?: string | null;
    conversationId?: string | null;
    sentAt?: string | null;
  },
): NewCommitment | null {
  const { action, attendee, date } = analysis.elements;
  const first = action.evidence[0];
  const ask = first ? (analysis.asks ?? []).find((a) => a.start <= first.start && first.start < a.end) : undefined;
  const what =
    ask?.text.replace(/\s+/g, ' ').trim() ||
    action.evidence.map((e) => e.text.trim()).filter(Boolean).join('; ') ||
    (source.subject ?? '').trim();
  const due = date.resolved?.end ?? date.resolved?.start ?? source.start ?? null;
  if (!what) return null;
  const seen = new Set<string>();
  const who: EmailAddress[] = [];
  const add = (a: EmailAddress) => {
    const key = (a.address || a.name || '').trim().toLowerCase();
    if (key && !seen.has(key)) {
      seen.add(key);
      who.push(a);
    }
  };
  attendee.evidence.forEach((e) => add({ name: e.text.trim(), address: null }));
  (source.recipients ?? []).forEach(add);
  return {
    what: what.slice(0, 500),
    who,
    due,
    nextStep: analysis.nextStep ?? null,
    subject: source.subject ?? null,
    sourceMessageId: source.itemId ?? null,
    conversationId: source.conversationId ?? null,
    sentAt: source.sentAt ?? null,
  };
}
