import { describe, expect, it } from "vitest";
import type { CompareRowDto, StageIndexDto, YearSeriesDto } from "../ipc/client";
import {
  carryList, differenceText, filterRows, largestChanges, normalValue, staleDocument, stageState,
  stageValue, toggleGroup, valueText,
} from "./verification";

function row(indicator: number, mandiri: number | null, final: number | null): CompareRowDto {
  const difference = mandiri != null && final != null ? mandiri - final : null;
  const claim = difference == null ? null : difference > 0 ? "over" : difference < 0 ? "under" : "equal";
  return {
    indicator, name: `I${indicator}`, aspect: "A1", mandiri, dokumen: null, interviu: null, visitasi: null, final,
    verified_stage: final == null ? null : "final", difference, claim, notes: [],
  };
}

function stage(answered: number, total: number, index: number | null): StageIndexDto {
  return {
    stage: "final", title: "Hasil Akhir", index, index_text: null, rating: null, answered, total,
    complete: answered === total, domains: [], aspects: [],
  };
}

function series(number: number, change: number | null): YearSeriesDto {
  return { number, code: "A1", name: `I${number}`, mandiri: [], verified: [], change };
}

describe("verification view logic", () => {
  it("writes levels whole and decimal values with a comma", () => {
    expect(valueText(3, false)).toBe("3");
    expect(valueText(2.35, true)).toBe("2,35");
    expect(valueText(null, true)).toBe("–");
    expect(differenceText(1, false)).toBe("+1");
    expect(differenceText(-0.35, true)).toBe("−0,35");
    expect(differenceText(0, false)).toBe("0");
  });

  it("reads a stage's value, the final one under its own name", () => {
    const r = row(1, 4, 3);
    expect(stageValue(r, "mandiri")).toBe(4);
    expect(stageValue(r, "final")).toBe(3);
    expect(stageValue(r, "dokumen")).toBeNull();
  });

  it("says a stage is empty, partial or complete", () => {
    expect(stageState(stage(0, 47, null))).toBe("empty");
    expect(stageState(stage(12, 47, 2.5))).toBe("partial");
    expect(stageState(stage(47, 47, 2.5))).toBe("complete");
  });

  it("filters to over-claims or to every difference", () => {
    const rows = [row(1, 4, 3), row(2, 2, 3), row(3, 3, 3), row(4, null, 3)];
    expect(filterRows(rows, "over").map((r) => r.indicator)).toEqual([1]);
    expect(filterRows(rows, "diff").map((r) => r.indicator)).toEqual([1, 2]);
    expect(filterRows(rows, "all")).toHaveLength(4);
  });

  it("takes a level 1-5 or a decimal 1,00-5,00 with a point or a comma", () => {
    expect(normalValue(" 3 ", false)).toBe("3");
    expect(normalValue("6", false)).toBeNull();
    expect(normalValue("2,5", false)).toBeNull();
    expect(normalValue("2.35", true)).toBe("2,35");
    expect(normalValue("5,01", true)).toBeNull();
    expect(normalValue("0,9", true)).toBeNull();
  });

  it("lists the largest changes first and leaves out the unchanged", () => {
    const out = largestChanges([series(1, 0.5), series(2, -2), series(3, 0), series(4, null), series(5, 0.5)]);
    expect(out.map((s) => s.number)).toEqual([2, 1, 5]);
  });

  it("carries all as null, a subset as a sorted list", () => {
    expect(carryList([1, 2, 3], new Set([3, 1, 2]))).toBeNull();
    expect(carryList([1, 2, 3], new Set([3, 1]))).toEqual([1, 3]);
    expect(carryList([1, 2, 3], new Set())).toEqual([]);
  });

  it("toggles an aspect's indicators together", () => {
    expect([...toggleGroup(new Set([1]), [1, 2])].sort()).toEqual([1, 2]);
    expect([...toggleGroup(new Set([1, 2, 5]), [1, 2])]).toEqual([5]);
  });

  it("marks a document older than 12 months before 1 January, or undated, as stale", () => {
    expect(staleDocument("2024-03-01", 2026)).toBe(true);
    expect(staleDocument("2025-01-01", 2026)).toBe(false);
    expect(staleDocument("2024-12-31", 2026)).toBe(true);
    expect(staleDocument(null, 2026)).toBe(true);
  });
});
