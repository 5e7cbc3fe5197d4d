import { describe, expect, it } from "vitest";
import { conventionalName, formatSize, previewKind } from "./evidence";
import { ev } from "./fixtures";

describe("evidence naming", () => {
  it("keeps a name that already follows <indicator>.<letter>.<description>", () => {
    expect(conventionalName(ev(1, "1.a", "1.a.Perbup-7-2024-SPBE.pdf"))).toBe("1.a.Perbup-7-2024-SPBE.pdf");
  });
  it("puts the label in front of a cleaned name, keeping the extension", () => {
    expect(conventionalName(ev(2, "7.b", "SK Tim  SPBE (final).PDF"))).toBe("7.b.SK-Tim-SPBE-(final).pdf");
    expect(conventionalName(ev(3, "20.c", "a/b:c?.png"))).toBe("20.c.a-b-c.png");
  });
  it("survives strange names", () => {
    expect(conventionalName(ev(4, "3.a", ".pdf"))).toBe("3.a.pdf");
    expect(conventionalName(ev(5, "3.b", "***"))).toBe("3.b.berkas");
    expect(conventionalName(ev(6, "32.a", "Portal layanan", { kind: "link", url: "https://x.go.id" }))).toBe("32.a.Portal-layanan");
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
