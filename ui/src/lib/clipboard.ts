// Clipboard: the async API where the webview allows it, else the selection fallback.
export async function copyText(text: string): Promise<boolean> {
  // Kept for the end-to-end tests, which cannot read the system clipboard under Xvfb.
  (window as unknown as { __swanilaiLastCopy?: string }).__swanilaiLastCopy = text;
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the selection-based copy
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } finally {
    area.remove();
  }
  return ok;
}
