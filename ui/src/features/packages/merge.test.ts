import { describe, expect, it } from "vitest";
import type { IndicatorMergeDto } from "../../ipc/client";
import { conflictsOf, decisionsFor, diffWords } from "./merge";

const ind = (indicator: number, over: Partial<IndicatorMergeDto> = {}): IndicatorMergeDto => ({
  indicator, outcome: "clean", fields: [], details: [], evidence_added: [], evidence_removed: [],
  comments_added: 0, not_assigned: false, ...over,
});

describe("the merge screen", () => {
  it("asks for a decision per conflicting field and per indicator whose sender is no longer assigned", () => {
    const list = [
      ind(7, { outcome: "conflict", details: [
        { field: "level", change: "conflict", base: "2", theirs: "5", ours: "4" },
        { field: "explanation", change: "theirs", base: "a", theirs: "b", ours: "a" },
      ] }),
      ind(8, { outcome: "conflict", not_assigned: true }),
      ind(9),
    ];
    expect(conflictsOf(list)).toEqual([{ indicator: 7, field: "level" }, { indicator: 8, field: null }]);
    expect(decisionsFor(list, { "7:level": "theirs" })).toBeNull();
    expect(decisionsFor(list, { "7:level": "theirs", "8:*": "ours" })).toEqual([
      { indicator: 7, field: "level", take: "theirs" },
      { indicator: 8, field: null, take: "ours" },
    ]);
    // The supervisor's own value.
    expect(decisionsFor(list, { "7:level": "edit", "8:*": "ours" }, { "7:level": "3" })?.[0]).toEqual(
      { indicator: 7, field: "level", take: "theirs", edit: "3" },
    );
  });
  it("shows what differs between two explanations", () => {
    const d = diffWords("FAKTA: Perbup 7 tahun 2024 sudah ada.", "FAKTA: Perbup 12 tahun 2024 sudah ada.");
    expect(d).toEqual({ same: "FAKTA: Perbup ", onlyA: "7", onlyB: "12", end: " tahun 2024 sudah ada." });
    expect(diffWords("sama", "sama")).toEqual({ same: "sama", onlyA: "", onlyB: "", end: "" });
  });
});
