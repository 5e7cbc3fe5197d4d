import { describe, expect, it } from "vitest";
import { completeness, idDecimal, levelDistribution, ratingClass } from "./dashboard";
import { answer } from "./fixtures";

describe("dashboard figures", () => {
  const answers = [
    answer(1, { level: 3, evidence_count: 1, explanation: "x" }),
    answer(2, { level: 3 }),
    answer(3, { level: 5 }),
    answer(4),
  ];
  it("counts levels with the unanswered first", () => {
    expect(levelDistribution(answers)).toEqual([1, 0, 0, 2, 0, 1]);
  });
  it("computes completeness", () => {
    const c = completeness(answers);
    expect([c.answered, c.withEvidence, c.withExplanation, c.total]).toEqual([3, 1, 1, 4]);
    expect(c.pct(3)).toBe(75);
  });
  it("shows Indonesian decimals and rating classes", () => {
    expect(idDecimal(3.28)).toBe("3,28");
    expect(idDecimal(null)).toBe("–");
    expect(ratingClass("Sangat Baik")).toBe("r4");
    expect(ratingClass(null)).toBe("r0");
  });
});
