// Page zoom and text size (issue 9, item 9): Ctrl+plus/minus/0 move through the zoom steps
// (the same steps as swanilai-app's settings::ZOOM_STEPS); the text size sets the root font
// size every rem in the style sheets follows.
import type { TextSize } from "../ipc/bindings/TextSize";

export const ZOOM_STEPS = [67, 80, 90, 100, 110, 125, 150, 175, 200] as const;

export const TEXT_PX: Record<TextSize, number> = { normal: 14, large: 16, larger: 18 };

/** The next zoom step up (+1) or down (-1) from `zoom`; the ends stay where they are. */
export function stepZoom(zoom: number, direction: 1 | -1): number {
  const i = ZOOM_STEPS.findIndex((z) => z >= zoom);
  const at = i < 0 ? ZOOM_STEPS.length - 1 : i;
  // Between two steps (an odd stored value), up goes to the step above, down to the one below.
  const exact = ZOOM_STEPS[at] === zoom;
  const next = direction > 0 ? (exact ? at + 1 : at) : at - 1;
  return ZOOM_STEPS[Math.min(Math.max(next, 0), ZOOM_STEPS.length - 1)];
}

/** What a key press asks of the zoom: a new zoom value, or null when it is not a zoom key. */
export function zoomKey(e: Pick<KeyboardEvent, "ctrlKey" | "metaKey" | "altKey" | "key">, zoom: number): number | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  switch (e.key) {
    case "+":
    case "=":
      return stepZoom(zoom, 1);
    case "-":
    case "_":
      return stepZoom(zoom, -1);
    case "0":
      return 100;
    default:
      return null;
  }
}
