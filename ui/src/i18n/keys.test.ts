import { describe, expect, it } from "vitest";
import { id } from "./id";

// Every label the screens ask for must be in the dictionary: a missing key would show as
// "nav.something" in the window.
const sources = import.meta.glob(["../**/*.svelte", "../**/*.ts", "!../**/*.test.ts", "!../ipc/bindings/**"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

describe("i18n keys used by the screens", () => {
  it("are all in the dictionary", () => {
    const missing: string[] = [];
    for (const [file, text] of Object.entries(sources)) {
      for (const m of text.matchAll(/\bt\(\s*"([a-zA-Z0-9_.]+)"/g)) {
        if (!(m[1] in id)) missing.push(`${file}: ${m[1]}`);
      }
    }
    expect(Object.keys(sources).length).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });
});
