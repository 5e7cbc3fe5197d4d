// View logic of the verification screen (issue 12): values as the national forms write
// them, the over- and under-claims, the filters, who may record results, the years
// compared, what to carry into a new year, and stale evidence.
import type { CompareRowDto, StageIndexDto, YearSeriesDto } from "../ipc/client";

/** The stages in order, the team's own first; the four the assessors fill come after. */
export const STAGES = ["mandiri", "dokumen", "interviu", "visitasi", "final"] as const;
export type StageId = (typeof STAGES)[number];
export const VERIFIED_STAGES = ["dokumen", "interviu", "visitasi", "final"] as const;
export type VerifiedStage = (typeof VERIFIED_STAGES)[number];

/** A level ("3") or a decimal value ("2,35"); "–" when none. */
export function valueText(v: number | null | undefined, decimal: boolean): string {
  if (v == null) return "–";
  return decimal ? v.toFixed(2).replace(".", ",") : String(Math.round(v));
}

/** A signed difference: "+1", "−0,35", "0". */
export function differenceText(d: number | null | undefined, decimal: boolean): string {
  if (d == null) return "–";
  const abs = valueText(Math.abs(d), decimal);
  if (Math.abs(d) < 0.005) return decimal ? "0,00" : "0";
  return `${d > 0 ? "+" : "−"}${abs}`;
}

/** One stage's value in a row. */
export function stageValue(row: CompareRowDto, stage: StageId): number | null {
  return stage === "final" ? row.final : row[stage];
}

/** How a stage's index card reads: nothing yet, part of the indicators, or all. */
export function stageState(s: StageIndexDto): "empty" | "partial" | "complete" {
  if (s.answered === 0 || s.index == null) return "empty";
  return s.complete ? "complete" : "partial";
}

export type RowFilter = "all" | "over" | "diff";

/** Only over-claims, only rows whose self and verified values differ, or every row. */
export function filterRows(rows: CompareRowDto[], filter: RowFilter): CompareRowDto[] {
  if (filter === "over") return rows.filter((r) => r.claim === "over");
  if (filter === "diff") return rows.filter((r) => r.claim === "over" || r.claim === "under");
  return rows;
}

/** A typed stage value as the app takes it ("2.35" -> "2,35"), or null when not one. */
export function normalValue(text: string, decimal: boolean): string | null {
  const s = text.trim().replace(".", ",");
  if (decimal) {
    if (!/^\d(,\d{1,2})?$/.test(s)) return null;
    const v = Number(s.replace(",", "."));
    return v >= 1 && v <= 5 ? s : null;
  }
  return /^[1-5]$/.test(s) ? s : null;
}

/** The year series that changed, largest change first (ties by number). */
export function largestChanges(series: YearSeriesDto[]): YearSeriesDto[] {
  return series
    .filter((s) => s.change != null && Math.abs(s.change) >= 0.005)
    .sort((a, b) => Math.abs(b.change ?? 0) - Math.abs(a.change ?? 0) || a.number - b.number);
}

/** An arrow for a change: up, down or level. */
export function arrow(change: number | null): "▲" | "▼" | "=" | "" {
  if (change == null) return "";
  if (Math.abs(change) < 0.005) return "=";
  return change > 0 ? "▲" : "▼";
}

/** The indicators to carry into a new year: null for all, a sorted list otherwise. */
export function carryList(all: number[], chosen: Set<number>): number[] | null {
  if (all.length > 0 && all.every((n) => chosen.has(n))) return null;
  return all.filter((n) => chosen.has(n));
}

/** Toggle a group (an aspect's indicators): all on when any is off, else all off. */
export function toggleGroup(chosen: Set<number>, group: number[]): Set<number> {
  const next = new Set(chosen);
  const allOn = group.every((n) => next.has(n));
  for (const n of group) {
    if (allOn) next.delete(n);
    else next.add(n);
  }
  return next;
}

/**
 * A document is stale for an assessment year when it is dated more than 12 months before
 * 1 January of that year (a review or audit counts only when recent), or has no date.
 */
export function staleDocument(documentDate: string | null, year: number): boolean {
  if (!documentDate) return true;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(documentDate);
  if (!m) return true;
  return `${m[1]}-${m[2]}-${m[3]}` < `${year - 1}-01-01`;
}
