import { describe, expect, it } from "vitest";
import { formatSize, previewKind } from "./evidence";

describe("evidence preview and size", () => {
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
