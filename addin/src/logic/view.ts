// What the pane shows, decided from an analysis: pure and unit-tested.
import { ELEMENT_NAMES, type BodyType, type ClosingTemplate, type DraftAnalysis, type ElementName, type Outcome } from '../contract';

export interface ElementRow {
  name: ElementName;
  present: boolean;
  /** Required for an advance (action, attendee, date); confirmation closes the loop. */
  required: boolean;
  /** Quoted evidence, as plain text. */
  evidence: string[];
  /** Why it is missing, in the draft's language. */
  reason: string | null;
}

export function elementRows(analysis: DraftAnalysis): ElementRow[] {
  return ELEMENT_NAMES.map((name) => {
    const report = analysis.elements[name];
    const evidence = (report?.evidence ?? []).map((e) => e.text.trim()).filter(Boolean);
    if (name === 'date' && analysis.elements.date?.resolved?.text && evidence.length === 0) {
      evidence.push(analysis.elements.date.resolved.text);
    }
    return {
      name,
      present: !!report?.present,
      required: name !== 'confirmation',
      evidence: Array.from(new Set(evidence)),
      reason: report?.present ? null : (report?.reason ?? null),
    };
  });
}

export type Tone = 'danger' | 'success' | 'brand';

export function outcomeTone(outcome: Outcome): Tone {
  return outcome === 'continuation' ? 'danger' : outcome === 'advance' ? 'success' : 'brand';
}

/** The template is worth offering when the draft is not yet an advance, or when the loop is still open. */
export function shouldOfferTemplate(analysis: DraftAnalysis): boolean {
  return analysis.outcome !== 'closedLoop' && !!analysis.closingTemplate?.text?.trim();
}

/** Suggest a technical exchange when the draft is about one, or has no clear type yet. */
export function shouldOfferExchange(analysis: DraftAnalysis | null): boolean {
  return !analysis || analysis.nextStep == null || analysis.nextStep === 'technicalExchange';
}

export interface Insertion {
  coercion: 'html' | 'text';
  data: string;
}

/** HTML stays HTML: an HTML body gets the template's HTML, a text body its text (never HTML markup as text). */
export function templateInsertion(bodyType: BodyType, template: ClosingTemplate): Insertion {
  if (bodyType === 'html' && template.html?.trim()) return { coercion: 'html', data: template.html };
  if (bodyType === 'html') return { coercion: 'html', data: textToHtml(template.text) };
  return { coercion: 'text', data: `\n${template.text.replace(/\r?\n/g, '\n')}\n` };
}

/** Escapes text for an HTML body and keeps its line breaks. */
export function textToHtml(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return `<div>${escaped.split(/\r?\n/).map((line) => (line ? line : '<br>')).join('</div><div>')}</div>`;
}

export interface Segment {
  text: string;
  blank: boolean;
}

/** Splits a template into text and its marked blanks ([…], 【…】, ___) so the pane can highlight them. */
export function splitBlanks(text: string): Segment[] {
  const out: Segment[] = [];
  const re = /(\[[^\]\n]{1,60}\]|【[^】\n]{1,60}】|_{3,})/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), blank: false });
    out.push({ text: m[0], blank: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), blank: false });
  return out;
}

/** The invite details as plain text, for hosts that cannot open a meeting form from compose. */
export function inviteDetailsText(
  invite: { subject: string; agenda: string; attendees: Array<{ name?: string | null; address?: string | null }> },
  when: string,
  labels: { subject: string; attendees: string; time: string; agenda: string },
): string {
  const who = invite.attendees
    .map((a) => (a.name && a.address ? `${a.name} <${a.address}>` : a.address || a.name || ''))
    .filter(Boolean)
    .join('; ');
  return [`${labels.subject}: ${invite.subject}`, `${labels.attendees}: ${who}`, `${labels.time}: ${when}`, '', `${labels.agenda}:`, invite.agenda].join('\n');
}
