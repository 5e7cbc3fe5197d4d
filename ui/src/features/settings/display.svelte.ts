// The window's zoom and text size: applied to the webview at once, kept in the settings
// file for the next run (swanilai-app settings::set_display).
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { ipc, type Settings } from "../../ipc/client";
import type { TextSize } from "../../ipc/bindings/TextSize";
import { TEXT_PX, zoomKey } from "../../lib/zoom";
import { notifyError } from "../../state.svelte";

export const display = $state({ zoom: 100, textSize: "normal" as TextSize });

async function apply() {
  document.documentElement.style.fontSize = `${TEXT_PX[display.textSize]}px`;
  document.documentElement.dataset.zoom = String(display.zoom);
  try {
    await getCurrentWebview().setZoom(display.zoom / 100);
  } catch (e) {
    notifyError(e);
  }
}

/** The stored display settings, applied (at start). */
export async function applySettings(s: Settings) {
  display.zoom = s.zoom;
  display.textSize = s.text_size;
  await apply();
}

/** Change zoom and/or text size, apply and keep them. */
export async function setDisplay(zoom: number, textSize: TextSize) {
  display.zoom = zoom;
  display.textSize = textSize;
  await apply();
  try {
    await ipc.setDisplay(zoom, textSize);
  } catch (e) {
    notifyError(e);
  }
}

/** Ctrl+plus/minus/0 anywhere in the window. */
export function onZoomKey(e: KeyboardEvent) {
  const z = zoomKey(e, display.zoom);
  if (z == null) return;
  e.preventDefault();
  if (z !== display.zoom) void setDisplay(z, display.textSize);
}
