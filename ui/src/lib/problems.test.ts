import { describe, expect, it } from "vitest";
import type { ImportProblem } from "../ipc/bindings/ImportProblem";
import { problemMessage, shortText } from "./problems";

const at = { sheet: "Penilaian Mandiri", row: 9, column: "G (Tingkat)", message: "dari aplikasi" };

describe("import problems in the window's language", () => {
  it("says a bad level in Bahasa Indonesia and in English, word for word as the app", () => {
    const p: ImportProblem = { ...at, kind: "not_a_level", value: "7" };
    expect(problemMessage("id", p)).toBe(
      "7 bukan tingkat; Tingkat harus bilangan bulat 1 sampai 5, atau dikosongkan bila belum dinilai",
    );
    expect(problemMessage("en", p)).toBe(
      "7 is not a level; Tingkat must be a whole number from 1 to 5, or empty when not yet assessed",
    );
  });
  it("fills every kind's fields", () => {
    expect(problemMessage("id", { kind: "not_an_indicator", value: 99, framework: "permenpanrb-59-2020" })).toBe(
      "99 bukan nomor indikator pada kerangka permenpanrb-59-2020",
    );
    expect(problemMessage("id", { kind: "no_empty" })).toBe("No kosong; setiap baris harus berisi nomor indikatornya");
    expect(problemMessage("en", { kind: "not_indicator_number", value: "'abc'" })).toBe(
      "'abc' is not an indicator number; No must be a whole number",
    );
    expect(problemMessage("id", { kind: "not_text", value: "#N/A", field: "explanation" })).toBe(
      "#N/A bukan teks; tuliskan Penjelasan sebagai teks",
    );
    expect(problemMessage("id", { kind: "not_text", value: "#N/A", field: "owner" })).toBe(
      "#N/A bukan teks; tuliskan unit kerja sebagai teks",
    );
    expect(problemMessage("id", { kind: "duplicate", indicator: 5, rows: [11, 12, 14], more: 0 })).toBe(
      "indikator 5 ada pada baris 11, 12 dan 14; sisakan satu baris untuk setiap indikator",
    );
    expect(problemMessage("en", { kind: "duplicate", indicator: 5, rows: [11, 12], more: 0 })).toBe(
      "indicator 5 appears on rows 11 and 12; keep one row per indicator",
    );
    expect(problemMessage("id", { kind: "duplicate", indicator: 1, rows: [5, 6, 7], more: 9997 })).toBe(
      "indikator 1 ada pada baris 5, 6, 7 dan 9997 baris lain; sisakan satu baris untuk setiap indikator",
    );
    expect(problemMessage("en", { kind: "duplicate", indicator: 1, rows: [5, 6, 7], more: 9997 })).toBe(
      "indicator 1 appears on rows 5, 6, 7 and 9997 more; keep one row per indicator",
    );
    expect(problemMessage("id", { kind: "formula_without_value", cell: "G12", header: "Tingkat" })).toBe(
      "G12 (Tingkat) berisi rumus tanpa nilai tersimpan; buka berkas di Excel atau LibreOffice dan simpan ulang agar nilainya dihitung, atau ketik nilainya",
    );
    expect(problemMessage("en", { kind: "formula_without_value", cell: "G12", header: "Tingkat" })).toBe(
      "G12 (Tingkat) holds a formula without a stored value; open the file in Excel or LibreOffice and save it again so the value is calculated, or type the value",
    );
    expect(problemMessage("en", { kind: "sheet_too_long", limit: 2057 })).toBe(
      "the sheet has content below row 2057; only its first 2057 rows were read. Delete the unused rows below the table",
    );
    expect(problemMessage("id", { kind: "sheet_too_large", row: 900 })).toBe(
      "lembar berisi terlalu banyak sel atau teks; pembacaan berhenti pada baris 900. Hapus baris dan kolom yang tidak dipakai",
    );
    expect(problemMessage("en", { kind: "not_a_year", value: "'dua ribu'" })).toBe(
      "'dua ribu' is not a year; give the assessment's year, e.g. 2025",
    );
  });
  it("falls back to the app's message for a kind it does not know", () => {
    const newer = { ...at, kind: "from_a_newer_app" } as unknown as ImportProblem;
    expect(problemMessage("id", newer)).toBe("dari aplikasi");
  });
});

describe("long before/after texts", () => {
  it("are cut on their first line with an ellipsis; short one-line texts are not", () => {
    expect(shortText("Sudah ada")).toBeNull();
    expect(shortText("")).toBeNull();
    expect(shortText("FAKTA:\nbaru")).toBe("FAKTA:…");
    expect(shortText("a".repeat(61))).toBe(`${"a".repeat(60)}…`);
    expect(shortText("é".repeat(60))).toBeNull();
  });
});
