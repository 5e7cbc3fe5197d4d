// An indicator's audit entries as lines a person reads: who, when, what, before -> after.
// Level, explanation, status, service name and unit are spelled out field by field; the
// JSON of the audit log never reaches the screen.
import { translate, type Lang } from "../../i18n/index.svelte";
import { dateTime } from "../../lib/dates";
import type { Key } from "../../i18n/id";
import type { AuditEntryDto } from "../../ipc/client";

export interface Change {
  field: string;
  before: string;
  after: string;
  /** Long text (the explanation): shown folded, with both versions. */
  long?: boolean;
}

export interface HistoryItem {
  seq: number;
  at: string;
  actor: string;
  what: string;
  changes: Change[];
}

type Json = Record<string, unknown> | null;

function parse(s: string): Json {
  try {
    const v = JSON.parse(s);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const ACTIONS: Record<string, Key> = {
  baseline: "hist.act.baseline",
  "answer.set": "hist.act.answer",
  "answer.import": "hist.act.import",
  "status.submit": "hist.act.submit",
  "status.approve": "hist.act.approve",
  "status.return": "hist.act.return",
  "evidence.add": "hist.act.evidenceAdd",
  "evidence.remove": "hist.act.evidenceRemove",
  "comment.add": "hist.act.comment",
  "assignment.add": "hist.act.assign",
  "assignment.remove": "hist.act.unassign",
};

/** "2026-11-23T07:05:00Z" -> "23 November 2026, 14.05" (local time unless a zone is given). */
export function formatTime(iso: string, lang: Lang, timeZone?: string): string {
  return dateTime(iso, lang, timeZone);
}

function statusLabel(lang: Lang, s: unknown): string {
  const key = `status.${String(s ?? "draft")}` as Key;
  const text = translate(lang, key);
  return text === key ? String(s) : text;
}

function levelLabel(lang: Lang, l: unknown): string {
  return typeof l === "number" ? translate(lang, "hist.level", { n: l }) : translate(lang, "hist.none");
}

function text(lang: Lang, v: unknown): string {
  const s = typeof v === "string" ? v.trim() : v == null ? "" : String(v);
  return s === "" ? translate(lang, "hist.none") : s;
}

/** The fields of an answer that changed between two recorded states. */
export function answerChanges(lang: Lang, before: Json, after: Json): Change[] {
  const b = before ?? {};
  const a = after ?? {};
  const out: Change[] = [];
  if (b.level !== a.level) {
    out.push({ field: translate(lang, "hist.f.level"), before: levelLabel(lang, b.level), after: levelLabel(lang, a.level) });
  }
  if ((b.explanation ?? "") !== (a.explanation ?? "")) {
    out.push({
      field: translate(lang, "hist.f.explanation"),
      before: text(lang, b.explanation),
      after: text(lang, a.explanation),
      long: true,
    });
  }
  if ((b.service_name ?? null) !== (a.service_name ?? null)) {
    out.push({ field: translate(lang, "hist.f.service"), before: text(lang, b.service_name), after: text(lang, a.service_name) });
  }
  if ((b.owner ?? "") !== (a.owner ?? "")) {
    out.push({ field: translate(lang, "hist.f.owner"), before: text(lang, b.owner), after: text(lang, a.owner) });
  }
  if ((b.status ?? "draft") !== (a.status ?? "draft") || (before === null && a.status != null && a.status !== "draft")) {
    out.push({ field: translate(lang, "hist.f.status"), before: before ? statusLabel(lang, b.status) : translate(lang, "hist.none"), after: statusLabel(lang, a.status) });
  }
  return out;
}

function assigneeLabel(lang: Lang, v: Json): string {
  if (!v) return translate(lang, "hist.none");
  const name = String(v.name ?? "");
  return v.kind === "unit" ? translate(lang, "hist.unit", { name }) : name;
}

function evidenceLabel(v: Json): string {
  if (!v) return "";
  const name = String(v.name ?? "");
  return v.url ? `${name} (${String(v.url)})` : name;
}

export function describe(e: AuditEntryDto, lang: Lang, timeZone?: string): HistoryItem {
  const before = parse(e.before);
  const after = parse(e.after);
  const key = ACTIONS[e.action];
  const what = key ? translate(lang, key) : e.action;
  let changes: Change[] = [];
  const none = translate(lang, "hist.none");
  switch (e.entity) {
    case "answer":
      changes = answerChanges(lang, e.action === "baseline" ? null : before, after);
      break;
    case "evidence":
      changes = [{ field: translate(lang, "hist.f.evidence"), before: before ? evidenceLabel(before) : none, after: after ? evidenceLabel(after) : none }];
      break;
    case "comment":
      changes = [{ field: translate(lang, "hist.f.comment"), before: none, after: text(lang, after?.body), long: true }];
      break;
    case "assignment":
      changes = [{ field: translate(lang, "hist.f.assignee"), before: assigneeLabel(lang, before), after: assigneeLabel(lang, after) }];
      break;
  }
  return { seq: e.seq, at: formatTime(e.at, lang, timeZone), actor: e.actor === "lokal" ? translate(lang, "hist.local") : e.actor, what, changes };
}

/** Newest first, as a person looks for the last change. */
export function historyItems(entries: AuditEntryDto[], lang: Lang, timeZone?: string): HistoryItem[] {
  return [...entries].sort((x, y) => y.seq - x.seq).map((e) => describe(e, lang, timeZone));
}
