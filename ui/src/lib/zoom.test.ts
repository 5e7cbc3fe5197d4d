import { describe, expect, it } from "vitest";
import { stepZoom, zoomKey, ZOOM_STEPS } from "./zoom";

const key = (k: string, ctrl = true) => ({ key: k, ctrlKey: ctrl, metaKey: false, altKey: false });

describe("zoom", () => {
  it("moves through the steps and stops at the ends", () => {
    expect(stepZoom(100, 1)).toBe(110);
    expect(stepZoom(110, 1)).toBe(125);
    expect(stepZoom(125, 1)).toBe(150);
    expect(stepZoom(100, -1)).toBe(90);
    expect(stepZoom(200, 1)).toBe(200);
    expect(stepZoom(67, -1)).toBe(67);
    expect(stepZoom(105, 1)).toBe(110);
    expect(stepZoom(105, -1)).toBe(100);
    expect(ZOOM_STEPS).toContain(150);
  });

  it("reads Ctrl+plus, Ctrl+minus and Ctrl+0, and nothing else", () => {
    expect(zoomKey(key("="), 100)).toBe(110);
    expect(zoomKey(key("+"), 100)).toBe(110);
    expect(zoomKey(key("-"), 125)).toBe(110);
    expect(zoomKey(key("0"), 150)).toBe(100);
    expect(zoomKey(key("=", false), 100)).toBeNull();
    expect(zoomKey(key("a"), 100)).toBeNull();
    expect(zoomKey({ ...key("="), altKey: true }, 100)).toBeNull();
  });
});
