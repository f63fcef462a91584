// Every Office.js call the add-in makes, wrapped in promises. Nothing else touches the Office global.
import type { BodyType, Draft, EmailAddress } from './contract';
import { isoWithOffset, localTimeZone } from './logic/recipients';

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyResult<T> = { status: string; value: T; error?: { message?: string; code?: number | string; name?: string } };

export class OfficeError extends Error {
  constructor(message: string, readonly code?: number | string) {
    super(message);
    this.name = 'OfficeError';
  }
}

function office(): typeof Office | undefined {
  return typeof Office === 'undefined' ? undefined : Office;
}

function item(): any {
  const it = office()?.context?.mailbox?.item;
  if (!it) throw new OfficeError('No Outlook item is open');
  return it;
}

/** Calls an Office-style async method (callback last) and returns its value as a promise. */
export function officeCall<T>(invoke: (callback: (result: AnyResult<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      invoke((result) => {
        if (result && result.status === 'failed') {
          reject(new OfficeError(result.error?.message || result.error?.name || 'Office call failed', result.error?.code));
        } else {
          resolve(result?.value as T);
        }
      });
    } catch (e) {
      reject(e instanceof Error ? e : new OfficeError(String(e)));
    }
  });
}

/** True when this page runs inside Outlook with an item (not the preview). */
export function hasMailbox(): boolean {
  return !!office()?.context?.mailbox;
}

/** Waits for Office.onReady; resolves false when Office.js is absent or does not answer in time. */
export function whenOfficeReady(timeoutMs: number): Promise<boolean> {
  const o = office();
  if (!o || typeof o.onReady !== 'function') return Promise.resolve(false);
  return new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(hasMailbox()), timeoutMs);
    try {
      void Promise.resolve(o.onReady()).then(
        () => {
          clearTimeout(timer);
          resolve(hasMailbox());
        },
        () => {
          clearTimeout(timer);
          resolve(false);
        },
      );
    } catch {
      clearTimeout(timer);
      resolve(false);
    }
  });
}

export function displayLanguage(): string {
  return office()?.context?.displayLanguage ?? (typeof navigator !== 'undefined' ? navigator.language : 'en-US');
}

/** Outlook's theme, when it tells one: true for a dark body background. */
export function isDarkTheme(): boolean | null {
  const color = (office()?.context as any)?.officeTheme?.bodyBackgroundColor as string | undefined;
  if (!color || !/^#?[0-9a-f]{6}$/i.test(color)) return null;
  const hex = color.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

export function userEmail(): string | null {
  return office()?.context?.mailbox?.userProfile?.emailAddress ?? null;
}

export function isAppointment(): boolean {
  return item().itemType === 'appointment';
}

function toAddresses(list: Array<{ displayName?: string; emailAddress?: string }> | null | undefined): EmailAddress[] {
  return (list ?? []).map((r) => ({ name: r.displayName || null, address: r.emailAddress || null }));
}

function toIso(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return isoWithOffset(value);
  if (typeof value === 'string' && value) {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : isoWithOffset(d);
  }
  return null;
}

export async function getBodyType(): Promise<BodyType> {
  const body = item().body;
  if (typeof body?.getTypeAsync !== 'function') return 'text';
  const type = await officeCall<string>((cb) => body.getTypeAsync(cb));
  return String(type).toLowerCase() === 'html' ? 'html' : 'text';
}

/**
 * The most of a body the add-in sends: the rep's new text is at the top, and a long thread below it would
 * only hit the API's request limit (1 MB; a CJK character is 3 bytes in UTF-8). The engine marks the
 * analysis as truncated.
 */
export const MAX_BODY_CHARS = 200_000;

export async function getBody(type: BodyType): Promise<string> {
  const body = (await officeCall<string>((cb) => item().body.getAsync(type, cb))) ?? '';
  return body.length > MAX_BODY_CHARS ? body.slice(0, MAX_BODY_CHARS) : body;
}

async function recipients(field: any): Promise<EmailAddress[]> {
  if (!field || typeof field.getAsync !== 'function') return [];
  return toAddresses(await officeCall<Array<{ displayName?: string; emailAddress?: string }>>((cb) => field.getAsync(cb)));
}

async function text(field: any): Promise<string | null> {
  if (!field) return null;
  if (typeof field === 'string') return field;
  if (typeof field.getAsync !== 'function') return null;
  return (await officeCall<string>((cb) => field.getAsync(cb))) ?? null;
}

async function time(field: any): Promise<string | null> {
  if (!field) return null;
  if (field instanceof Date) return toIso(field);
  if (typeof field.getAsync !== 'function') return null;
  return toIso(await officeCall<Date>((cb) => field.getAsync(cb)));
}

/**
 * Reads the draft being composed: subject, body in its own format (or the one asked for), recipients or
 * attendees, times and location; referenceTime is now in the local offset.
 */
export async function readDraft(options: { bodyType?: BodyType; now?: Date } = {}): Promise<Draft> {
  const it = item();
  const appointment = it.itemType === 'appointment';
  const bodyType = options.bodyType ?? (await getBodyType());
  const [subject, body] = await Promise.all([text(it.subject), getBody(bodyType)]);
  const referenceTime = isoWithOffset(options.now ?? new Date());
  const timeZone = localTimeZone();
  if (appointment) {
    const [attendees, optionalAttendees, start, end, location] = await Promise.all([
      recipients(it.requiredAttendees),
      recipients(it.optionalAttendees),
      time(it.start),
      time(it.end),
      text(it.location),
    ]);
    return { kind: 'event', subject, body, bodyType, attendees, optionalAttendees, start, end, location, referenceTime, timeZone };
  }
  const [to, cc] = await Promise.all([recipients(it.to), recipients(it.cc)]);
  return { kind: 'message', subject, body, bodyType, to, cc, referenceTime, timeZone };
}

/** Inserts data at the cursor (Outlook puts it at the top when the cursor was never in the body). */
export async function insertAtCursor(data: string, coercion: 'html' | 'text'): Promise<void> {
  await officeCall<void>((cb) => item().body.setSelectedDataAsync(data, { coercionType: coercion }, cb));
}

const RECIPIENTS_CHANGED = 'olkRecipientsChanged';
const TIME_CHANGED = 'olkAppointmentTimeChanged';

/**
 * Calls onChange when recipients/attendees or (for an appointment) the time change.
 * Returns a function that removes the handlers. Hosts without item events simply never call back.
 */
export async function onItemChanged(onChange: () => void): Promise<() => Promise<void>> {
  const it = item();
  if (typeof it.addHandlerAsync !== 'function') return async () => {};
  const types: string[] = [String(office()?.EventType?.RecipientsChanged ?? RECIPIENTS_CHANGED)];
  if (it.itemType === 'appointment') types.push(String(office()?.EventType?.AppointmentTimeChanged ?? TIME_CHANGED));
  const added: string[] = [];
  for (const type of types) {
    try {
      await officeCall<void>((cb) => it.addHandlerAsync(type, () => onChange(), cb));
      added.push(type);
    } catch {
      // Not supported on this host (requirement set 1.7): re-analysis stays available on demand.
    }
  }
  return async () => {
    for (const type of added) {
      try {
        await officeCall<void>((cb) => it.removeHandlerAsync(type, cb));
      } catch {
        /* ignore */
      }
    }
  };
}

/**
 * The contextData a Smart Alert passed when its button opened the pane (getInitializationContextAsync), and
 * later ones while the pane stays open (InitializationContextChanged). Null where there is none.
 */
export async function getInitializationContext(): Promise<string | null> {
  const it = item();
  if (typeof it.getInitializationContextAsync !== 'function') return null;
  try {
    const value = await officeCall<string>((cb) => it.getInitializationContextAsync(cb));
    return value ? String(value) : null;
  } catch {
    return null;
  }
}

export async function onInitializationContextChanged(onContext: (contextData: unknown) => void): Promise<void> {
  const it = item();
  if (typeof it.addHandlerAsync !== 'function') return;
  const type = String((office()?.EventType as any)?.InitializationContextChanged ?? 'olkInitializationContextChanged');
  try {
    await officeCall<void>((cb) => it.addHandlerAsync(type, (args: { contextData?: unknown }) => onContext(args?.contextData), cb));
  } catch {
    /* Mailbox 1.15; older hosts reopen the pane instead */
  }
}

export interface NewAppointment {
  subject: string;
  body: string;
  start: Date;
  end: Date;
  requiredAttendees: string[];
  optionalAttendees?: string[];
  location?: string;
}

/**
 * Opens a pre-filled new meeting form. Throws OfficeError('unsupported') where the host does not allow it
 * from compose (displayNewAppointmentForm(Async) is a read-mode API in most Outlook clients).
 */
export async function displayNewAppointment(a: NewAppointment): Promise<void> {
  const mailbox: any = office()?.context?.mailbox;
  const params = {
    requiredAttendees: a.requiredAttendees,
    optionalAttendees: a.optionalAttendees ?? [],
    start: a.start,
    end: a.end,
    location: a.location ?? '',
    subject: a.subject,
    body: a.body,
  };
  if (typeof mailbox?.displayNewAppointmentFormAsync === 'function') {
    await officeCall<void>((cb) => mailbox.displayNewAppointmentFormAsync(params, cb));
    return;
  }
  if (typeof mailbox?.displayNewAppointmentForm === 'function') {
    mailbox.displayNewAppointmentForm(params);
    return;
  }
  throw new OfficeError('unsupported', 'unsupported');
}

// ---- used by the send handler ----

/**
 * An access token for the API from Office's single sign-on (Office.auth.getAccessToken), without prompts.
 * The send handler uses it in production mode: MSAL is too large for a 50 KB handler. Null when unavailable,
 * refused or slower than timeoutMs: the caller then fails open.
 */
export async function getSsoToken(timeoutMs: number): Promise<string | null> {
  const auth: any = (office() as any)?.auth;
  if (!auth || typeof auth.getAccessToken !== 'function') return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      Promise.resolve(auth.getAccessToken({ allowSignInPrompt: false, allowConsentPrompt: false, forMSGraphAccess: false })).then(
        (t: unknown) => (typeof t === 'string' && t ? t : null),
      ),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), timeoutMs);
      }),
    ]);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** Per-item session data (Mailbox 1.11); null where the host lacks it. */
export async function getSessionValue(name: string): Promise<string | null> {
  const sd = item().sessionData;
  if (!sd || typeof sd.getAsync !== 'function') return null;
  try {
    return (await officeCall<string>((cb) => sd.getAsync(name, cb))) ?? null;
  } catch {
    return null;
  }
}

export async function setSessionValue(name: string, value: string): Promise<void> {
  const sd = item().sessionData;
  if (!sd || typeof sd.setAsync !== 'function') return;
  try {
    await officeCall<void>((cb) => sd.setAsync(name, value, cb));
  } catch {
    /* best effort */
  }
}

export function itemIds(): { itemId: string | null; conversationId: string | null } {
  const it = item();
  return {
    itemId: typeof it.itemId === 'string' ? it.itemId : null,
    conversationId: typeof it.conversationId === 'string' ? it.conversationId : null,
  };
}
