import { describe, expect, it } from "vitest";
import { answer } from "../../lib/fixtures";
import { applyFilter, approvable, filterChoices, nextAfter, submitter, unitOf } from "./queue";

const units = new Map([["Budi Santoso", "Bappeda"], ["Sari Dewi", "Dinas Komunikasi dan Informatika"]]);
const q = [
  answer(1, { submitted_by: "Budi Santoso", author: "Budi Santoso" }),
  answer(2, { submitted_by: "Budi Santoso", author: "Rina" }),
  answer(20, { submitted_by: "Sari Dewi", author: "Sari Dewi" }),
  answer(30, { submitted_by: null, author: "Tamu", owner: "Inspektorat " }),
];

describe("the review queue", () => {
  it("names the submitter, and the unit from the team or the answer", () => {
    expect(submitter(q[1])).toBe("Budi Santoso");
    expect(submitter(q[3])).toBe("Tamu");
    expect(unitOf(q[0], units)).toBe("Bappeda");
    expect(unitOf(q[3], units)).toBe("Inspektorat");
  });

  it("filters by unit kerja or person, with the choices found in the queue", () => {
    expect(filterChoices(q, units)).toEqual({
      units: ["Bappeda", "Dinas Komunikasi dan Informatika", "Inspektorat"],
      people: ["Budi Santoso", "Sari Dewi", "Tamu"],
    });
    expect(applyFilter(q, "unit:Bappeda", units).map((a) => a.indicator)).toEqual([1, 2]);
    expect(applyFilter(q, "person:Sari Dewi", units).map((a) => a.indicator)).toEqual([20]);
    expect(applyFilter(q, "", units)).toHaveLength(4);
  });

  it("moves on to the next item after a decision, or back to the previous at the end", () => {
    expect(nextAfter([1, 2, 20], 1)).toBe(2);
    expect(nextAfter([1, 2, 20], 2)).toBe(20);
    expect(nextAfter([1, 2, 20], 20)).toBe(2);
    expect(nextAfter([5], 5)).toBeUndefined();
    expect(nextAfter([1, 2], 9)).toBe(1);
  });

  it("approves together only what was ticked and looked at, and is still waiting", () => {
    expect(approvable(new Set([1, 2, 20]), new Set([1, 20, 99]), q)).toEqual([1, 20]);
    expect(approvable(new Set([99]), new Set([99]), q)).toEqual([]);
  });
});
