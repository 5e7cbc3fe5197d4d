import { describe, expect, it, vi } from "vitest";
import { debounce } from "./debounce";

describe("debounce", () => {
  it("runs once with the last value after the pause, and flush runs it now", () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    const d = debounce((v: string) => seen.push(v), 800);
    d("a");
    d("ab");
    vi.advanceTimersByTime(799);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(["ab"]);
    d("abc");
    expect(d.pending()).toBe(true);
    d.flush();
    expect(seen).toEqual(["ab", "abc"]);
    d.flush();
    expect(seen).toEqual(["ab", "abc"]);
    vi.useRealTimers();
  });
});
