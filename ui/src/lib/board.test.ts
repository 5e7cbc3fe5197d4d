import { describe, expect, it } from "vitest";
import { filterBoard, groupBoard, matches, neighbours, progress } from "./board";
import { answer, info } from "./fixtures";

const indicators = [info(1, 1, 1), info(2, 1, 1), info(11, 2, 2, "Arsitektur SPBE"), info(15, 3, 2)];
const answers = [
  answer(1, { level: 3, evidence_count: 2 }),
  answer(2, { status: "returned" }),
  answer(11, { level: 2 }),
  answer(15),
];

describe("board", () => {
  it("groups by domain then aspect in catalog order and counts answered per aspect", () => {
    const g = groupBoard(indicators, answers);
    expect(g.map((d) => d.number)).toEqual([1, 2]);
    expect(g[1].aspects.map((a) => a.number)).toEqual([2, 3]);
    expect(g[0].aspects[0]).toMatchObject({ answered: 1, total: 2 });
  });

  it("filters unanswered, returned and no-evidence rows", () => {
    const rows = groupBoard(indicators, answers).flatMap((d) => d.aspects.flatMap((a) => a.rows));
    const numbers = (f: Parameters<typeof matches>[1]) => rows.filter((r) => matches(r, f, "")).map((r) => r.info.number);
    expect(numbers("unanswered")).toEqual([2, 15]);
    expect(numbers("returned")).toEqual([2]);
    expect(numbers("noEvidence")).toEqual([2, 11, 15]);
    expect(numbers("all")).toEqual([1, 2, 11, 15]);
  });

  it("searches by exact number or by words of the name, dropping empty groups", () => {
    const g = groupBoard(indicators, answers);
    expect(filterBoard(g, "all", "11").flatMap((d) => d.aspects.flatMap((a) => a.rows.map((r) => r.info.number)))).toEqual([11]);
    const byName = filterBoard(g, "all", "arsitektur");
    expect(byName).toHaveLength(1);
    expect(byName[0].aspects).toHaveLength(1);
    expect(filterBoard(g, "returned", "arsitektur")).toEqual([]);
  });

  it("reports overall progress and neighbours", () => {
    expect(progress(answers)).toEqual({ answered: 2, total: 4, percent: 50 });
    expect(progress([])).toEqual({ answered: 0, total: 0, percent: 0 });
    expect(neighbours([1, 2, 11, 15], 11)).toEqual({ prev: 2, next: 15 });
    expect(neighbours([1, 2], 1)).toEqual({ prev: undefined, next: 2 });
  });
});
