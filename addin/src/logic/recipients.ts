import type { EmailAddress } from '../contract';

/**
 * Parses what a person types in the preview's recipient fields:
 * "James Wright <james@contoso.com>, mei@contoso.com; 刘总 <liu@kehu.cn>".
 */
export function parseRecipients(input: string): EmailAddress[] {
  const out: EmailAddress[] = [];
  for (const raw of input.split(/[,;，；\n]+/)) {
    const part = raw.trim();
    if (!part) continue;
    const angle = /^(.*?)<\s*([^<>\s]+)\s*>$/.exec(part);
    if (angle) {
      const name = angle[1]!.trim().replace(/^["']|["']$/g, '').trim();
      out.push({ name: name || null, address: angle[2]! });
    } else if (/^[^\s@]+@[^\s@]+$/.test(part)) {
      out.push({ name: null, address: part });
    } else {
      out.push({ name: part, address: null });
    }
  }
  return out;
}

export function displayName(a: EmailAddress): string {
  return (a.name ?? '').trim() || (a.address ?? '').trim();
}

export function formatRecipients(list: EmailAddress[] | null | undefined): string {
  return (list ?? []).map((a) => (a.name && a.address ? `${a.name} <${a.address}>` : displayName(a))).join(', ');
}

/** The IANA time zone of this machine (e.g. "Asia/Shanghai"), or null where the runtime does not say. */
export function localTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

/** ISO 8601 with the local offset, e.g. 2026-11-27T10:00:00+08:00 (relative dates resolve in it). */
export function isoWithOffset(d: Date): string {
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}
