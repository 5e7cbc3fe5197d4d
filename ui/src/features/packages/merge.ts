// View logic of the merge screen: which conflicts still need a decision, and a short diff
// of two explanations (what differs, between the common start and the common end).
import type { IndicatorMergeDto, MergeDecision, Take } from "../../ipc/client";

/** A decision's key: "7:level", or "7:*" for the whole indicator (assignment). */
export function decisionKey(indicator: number, field: string | null): string {
  return `${indicator}:${field ?? "*"}`;
}

/** The conflicts of a preview that need a person: each conflicting field, and the whole
 * indicator when the sender is no longer assigned. */
export function conflictsOf(list: IndicatorMergeDto[]): { indicator: number; field: string | null }[] {
  const out: { indicator: number; field: string | null }[] = [];
  for (const i of list) {
    if (i.outcome !== "conflict") continue;
    for (const d of i.details) if (d.change === "conflict") out.push({ indicator: i.indicator, field: d.field });
    if (i.not_assigned) out.push({ indicator: i.indicator, field: null });
  }
  return out;
}

/** A conflict's choice: one side, or the supervisor's own value. */
export type Choice = Take | "edit";

/** The decisions as the app takes them; null when some conflict is still open. An edit
 * carries the typed value (`edits`, by the same key). */
export function decisionsFor(
  list: IndicatorMergeDto[],
  chosen: Record<string, Choice>,
  edits: Record<string, string> = {},
): MergeDecision[] | null {
  const out: MergeDecision[] = [];
  for (const c of conflictsOf(list)) {
    const key = decisionKey(c.indicator, c.field);
    const choice = chosen[key];
    if (!choice) return null;
    const field = c.field as MergeDecision["field"];
    if (choice === "edit") out.push({ indicator: c.indicator, field, take: "theirs", edit: edits[key] ?? "" });
    else out.push({ indicator: c.indicator, field, take: choice });
  }
  return out;
}

/** Two texts as their common start, the part only in `a`, the part only in `b`, and the
 * common end (word boundaries), for a side-by-side view of an explanation conflict. */
export function diffWords(a: string, b: string): { same: string; onlyA: string; onlyB: string; end: string } {
  const wa = a.split(/(\s+)/);
  const wb = b.split(/(\s+)/);
  let i = 0;
  while (i < wa.length && i < wb.length && wa[i] === wb[i]) i++;
  let j = 0;
  while (j < wa.length - i && j < wb.length - i && wa[wa.length - 1 - j] === wb[wb.length - 1 - j]) j++;
  return {
    same: wa.slice(0, i).join(""),
    onlyA: wa.slice(i, wa.length - j).join(""),
    onlyB: wb.slice(i, wb.length - j).join(""),
    end: wa.slice(wa.length - j).join(""),
  };
}
