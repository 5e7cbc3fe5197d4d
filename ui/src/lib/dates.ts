// One way to write dates everywhere in the window (issue 9, item 4), independent of the
// machine's locale: "29 November 2026" in full, "29/11/2026" where space is short, and the
// same day-month-year order when a date is typed. Dates travel as yyyy-mm-dd.
import type { Lang } from "../i18n/index.svelte";

const MONTHS: Record<Lang, string[]> = {
  id: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

const pad = (n: number) => String(n).padStart(2, "0");

/** The parts of a yyyy-mm-dd day, when it is a real calendar day. */
function dayParts(iso: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d ? [y, mo, d] : null;
}

/** A day in the local calendar as yyyy-mm-dd. */
export function isoDay(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "2026-11-29" -> "29 November 2026" (the text unchanged when it is not a day). */
export function longDate(iso: string, lang: Lang): string {
  const p = dayParts(iso);
  return p ? `${p[2]} ${MONTHS[lang][p[1] - 1]} ${p[0]}` : iso;
}

/** "2026-11-29" -> "29/11/2026" (the text unchanged when it is not a day). */
export function shortDate(iso: string): string {
  const p = dayParts(iso);
  return p ? `${pad(p[2])}/${pad(p[1])}/${p[0]}` : iso;
}

/**
 * A typed date, day first ("29/11/2026", "29-11-2026", "29.11.2026", "29 11 2026"), or
 * yyyy-mm-dd, as yyyy-mm-dd; null when it is not a real day. Empty text is "".
 */
export function parseDay(text: string): string | null {
  const t = text.trim();
  if (t === "") return "";
  if (dayParts(t)) return t;
  const m = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/.exec(t);
  if (!m) return null;
  const iso = `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
  return dayParts(iso) ? iso : null;
}

/**
 * A moment ("2026-11-29T11:09:00Z") in the machine's time zone (or `timeZone`):
 * "29 November 2026, 18.09" in Bahasa Indonesia, "29 November 2026, 18:09" in English.
 */
export function dateTime(iso: string, lang: Lang, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone,
    }).formatToParts(d).map((p) => [p.type, p.value]),
  );
  const day = `${Number(parts.day)} ${MONTHS[lang][Number(parts.month) - 1]} ${parts.year}`;
  return `${day}, ${parts.hour}${lang === "id" ? "." : ":"}${parts.minute}`;
}
