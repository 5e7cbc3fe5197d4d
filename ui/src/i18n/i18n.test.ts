import { describe, expect, it } from "vitest";
import { en } from "./en";
import { id } from "./id";
import { format, translate } from "./index.svelte";

describe("i18n", () => {
  it("has the same keys in both languages, none empty", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const [k, v] of Object.entries(id)) expect(v.trim(), k).not.toBe("");
  });
  it("fills placeholders and leaves unknown ones", () => {
    expect(format("{n} dari {total}", { n: 3, total: 47 })).toBe("3 dari 47");
    expect(format("{x}", {})).toBe("{x}");
  });
  it("speaks Bahasa Indonesia by default and English when chosen", () => {
    expect(translate("id", "nav.dashboard")).toBe("Dasbor");
    expect(translate("en", "nav.dashboard")).toBe("Dashboard");
  });
  it("has an Indonesian message for every error code of the bindings", async () => {
    const src = await import("../ipc/bindings/ErrorCode.ts?raw");
    const codes = [...src.default.matchAll(/"([A-Z_]+)"/g)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(20);
    const missing = codes.filter((c) => !(`err.${c}` in id));
    expect(missing).toEqual([]);
  });
});
