import { describe, expect, it } from "vitest";
import { conventionalName, formatSize, previewKind } from "./evidence";
import { ev } from "./fixtures";

describe("evidence naming", () => {
  it("keeps a name that already starts with its label", () => {
    expect(conventionalName(ev(1, "1.a", "1.a.Perbup-7-2024-SPBE.pdf"))).toBe("1.a.Perbup-7-2024-SPBE.pdf");
  });
  it("puts the label in front, as the evidence package names the file", () => {
    expect(conventionalName(ev(2, "7.b", "SK Tim SPBE (final).PDF"))).toBe("7.b.SK Tim SPBE (final).PDF");
    expect(conventionalName(ev(3, "1.a", "7.b.lain.pdf"))).toBe("1.a.7.b.lain.pdf");
  });
  it("replaces what no file system takes", () => {
    expect(conventionalName(ev(4, "20.c", 'a/b:c?"d".png'))).toBe("20.c.a_b_c__d_.png");
    expect(conventionalName(ev(5, "3.b", "tab\there"))).toBe("3.b.tab_here");
    expect(conventionalName(ev(6, "32.a", "Portal layanan", { kind: "link", url: "https://x.go.id" }))).toBe("32.a.Portal layanan");
  });
  it("previews PDFs and images only", () => {
    expect(previewKind("application/pdf")).toBe("pdf");
    expect(previewKind("image/png")).toBe("image");
    expect(previewKind("application/vnd.openxmlformats-officedocument.wordprocessingml.document")).toBeNull();
    expect(previewKind(null)).toBeNull();
  });
  it("formats sizes the Indonesian way", () => {
    expect(formatSize(512)).toBe("512 B");
    expect(formatSize(2048)).toBe("2 KB");
    expect(formatSize(5 * 1024 * 1024 + 100000)).toBe("5,1 MB");
  });
});
