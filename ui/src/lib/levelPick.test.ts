import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { levelPicker } from "./levelPick";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("choosing a level", () => {
  it("saves a click at once", () => {
    const saved: number[] = [];
    levelPicker((l) => saved.push(l)).pick(3, false);
    expect(saved).toEqual([3]);
  });
  it("saves only the level the arrow keys settle on", () => {
    const saved: number[] = [];
    const p = levelPicker((l) => saved.push(l), 700);
    p.pick(2, true);
    vi.advanceTimersByTime(200);
    p.pick(3, true);
    vi.advanceTimersByTime(200);
    p.pick(4, true);
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(700);
    expect(saved).toEqual([4]);
  });
  it("a click after browsing wins, and nothing browsed is saved after it", () => {
    const saved: number[] = [];
    const p = levelPicker((l) => saved.push(l), 700);
    p.pick(2, true);
    p.pick(5, false);
    vi.advanceTimersByTime(1000);
    expect(saved).toEqual([5]);
  });
});
