import { describe, expect, it } from "vitest";
import type { ButirDto, EvidenceDto, IndicatorValueDto } from "../ipc/client";
import { butirText, byLevel, idValue, valueDistribution, valueProblem } from "./pemdi";

function butir(over: Partial<ButirDto>): ButirDto {
  return {
    id: "GT.I1_L1_1", indicator: 1, level: 1, level_name: "Merintis", text: "Dokumen kebijakan",
    file_prefix: "I1-L1-01", status: "draft", kind: null, note: "", effective_status: "draft",
    effective_kind: null, effective_note: "", gated: false, evidence_count: 0, ...over,
  };
}

describe("decimal values", () => {
  it("shows two decimals with a comma", () => {
    expect(idValue(2.5)).toBe("2,50");
    expect(idValue(1.17)).toBe("1,17");
    expect(idValue(null)).toBe("–");
  });
  it("accepts 1,00-5,00 with at most two decimals, comma or point", () => {
    expect(valueProblem("2,35")).toBeNull();
    expect(valueProblem("5")).toBeNull();
    expect(valueProblem("1.5")).toBeNull();
    expect(valueProblem("0,99")).toBe("range");
    expect(valueProblem("5,01")).toBe("range");
    expect(valueProblem("2,355")).toBe("format");
    expect(valueProblem("dua")).toBe("format");
    expect(valueProblem("")).toBe("format");
  });
});

describe("butir", () => {
  it("groups by level, counting gated and accepted items", () => {
    const levels = byLevel([
      butir({ id: "GT.I1_L2_1", level: 2, level_name: "Membangun", file_prefix: "I1-L2-01", gated: true, effective_status: "revisi", effective_kind: "otomatis_ditolak" }),
      butir({ effective_status: "diterima", status: "diterima" }),
      butir({ id: "GT.I1_L1_2", file_prefix: "I1-L1-02", status: "revisi", effective_status: "revisi", effective_kind: "tidak_tepat" }),
    ]);
    expect(levels.map((l) => [l.level, l.items.length, l.accepted, l.gated])).toEqual([[1, 2, 1, 0], [2, 1, 0, 1]]);
    expect(levels[0].items.map((b) => b.file_prefix)).toEqual(["I1-L1-01", "I1-L1-02"]);
  });
  it("copies one butir for the national form with its own files only", () => {
    const ev = [
      { id: 1, butir: "GT.I1_L1_1", kind: "file", name: "SK Tim.pdf", conventional_name: "1.a.SK Tim.pdf", url: null },
      { id: 2, butir: null, kind: "file", name: "Lain.pdf", conventional_name: "1.b.Lain.pdf", url: null },
    ] as unknown as EvidenceDto[];
    const text = butirText(butir({ effective_status: "revisi", effective_kind: "tidak_tepat", effective_note: "Belum ditandatangani" }), ev);
    expect(text).toContain("Butir I1-L1-01 (GT.I1_L1_1) · Tingkat 1 Merintis");
    expect(text).toContain("Status: Revisi (Tidak tepat)");
    expect(text).toContain("I1-L1-01.SK Tim.pdf");
    expect(text).not.toContain("Lain.pdf");
    expect(text).toContain("Catatan: Belum ditandatangani");
  });
});

describe("value spread", () => {
  it("counts by whole part, external values with their default, unscored at 0", () => {
    const v = (self_value: number | null, external: number | null = null) =>
      ({ self_value, external: external == null ? null : { value: external } }) as unknown as IndicatorValueDto;
    expect(valueDistribution([v(1.17), v(2.5), v(null), v(null, 1), v(5), v(3.99)])).toEqual([1, 2, 1, 1, 0, 1]);
  });
});
