import { describe, expect, it } from "vitest";
import { nudge } from "./explanation";

describe("FAKTA / ANALISIS nudge", () => {
  it("asks for both parts of an empty text", () => {
    expect(nudge("", [])).toMatchObject({ hasFakta: false, hasAnalisis: false, citesEvidence: true });
  });
  it("accepts both parts in any case, in order", () => {
    const n = nudge("Fakta: Perbup 7/2024 (1.a).\nAnalisis: memenuhi tingkat 3.", ["1.a"]);
    expect(n).toEqual({ hasFakta: true, hasAnalisis: true, citesEvidence: true, ordered: true });
  });
  it("notices ANALISIS before FAKTA and a missing citation", () => {
    const n = nudge("ANALISIS dulu. FAKTA kemudian.", ["7.a", "7.b"]);
    expect(n.ordered).toBe(false);
    expect(n.citesEvidence).toBe(false);
  });
  it("does not take 17.a for 7.a", () => {
    expect(nudge("FAKTA: lihat 17.a", ["7.a"]).citesEvidence).toBe(false);
    expect(nudge("FAKTA: lihat 7.a.", ["7.a"]).citesEvidence).toBe(true);
  });
});
