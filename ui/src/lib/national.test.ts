import { describe, expect, it } from "vitest";
import { nationalText } from "./national";
import { answer, ev, info } from "./fixtures";

describe("copy for the national application", () => {
  it("puts level, explanation and the evidence list in the form's order", () => {
    const text = nationalText(
      info(7, 1, 1, "Kebijakan Internal Layanan Pusat Data"),
      answer(7, { level: 3, level_name: "Terdefinisi", explanation: "FAKTA: ...\nANALISIS: ..." }),
      [ev(1, "7.a", "7.a.Perbup.pdf"), ev(2, "7.b", "Portal", { kind: "link", url: "https://data.go.id", note: "akun demo" })],
    );
    expect(text).toBe(
      [
        "Indikator 7: Kebijakan Internal Layanan Pusat Data",
        "Jawaban: Tingkat 3 (Terdefinisi)",
        "",
        "Penjelasan:",
        "FAKTA: ...\nANALISIS: ...",
        "",
        "Data dukung:",
        "7.a.Perbup.pdf",
        "7.b.Portal - https://data.go.id (akun demo)",
      ].join("\n"),
    );
  });
  it("marks what is missing with a dash", () => {
    const text = nationalText(info(2, 1, 1), answer(2), []);
    expect(text).toContain("Jawaban: Tingkat -");
    expect(text.endsWith("Data dukung:\n-")).toBe(true);
  });
});

describe("national text of a decimal framework", () => {
  it("says the value and its band instead of a level", () => {
    const text = nationalText(
      { number: 1, name: "Kebijakan Pemerintah Digital" } as never,
      { level: null, level_name: null, service_name: null, explanation: "Ada Perbup." } as never,
      [],
      "2,35 (Cukup)",
    );
    expect(text).toContain("Nilai: 2,35 (Cukup)");
    expect(text).not.toContain("Tingkat");
  });
});
