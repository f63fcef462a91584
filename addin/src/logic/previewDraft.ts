import type { Draft } from '../contract';
import type { PreviewForm } from '../state';
import { isoWithOffset, localTimeZone, parseRecipients } from './recipients';

/** Turns the preview form into the draft the API takes (text body, local offset). */
export function draftFromPreview(form: PreviewForm, now: Date = new Date()): Draft {
  const time = (v: string) => {
    if (!v) return null;
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? null : isoWithOffset(d);
  };
  const base = { subject: form.subject, body: form.body, bodyType: 'text' as const, referenceTime: isoWithOffset(now), timeZone: localTimeZone() };
  if (form.kind === 'event') {
    return { ...base, kind: 'event', attendees: parseRecipients(form.attendees), optionalAttendees: [], start: time(form.start), end: time(form.end), location: null };
  }
  return { ...base, kind: 'message', to: parseRecipients(form.to), cc: parseRecipients(form.cc) };
}
