// Evidence naming and preview rules.

export type PreviewKind = "pdf" | "image" | null;

export function previewKind(mediaType: string | null | undefined): PreviewKind {
  if (!mediaType) return null;
  if (mediaType === "application/pdf") return "pdf";
  if (/^image\/(png|jpeg|gif|webp|bmp|svg\+xml)$/.test(mediaType)) return "image";
  return null;
}

export function formatSize(bytes: number | null | undefined): string {
  if (bytes == null) return "";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(".", ",")} MB`;
}
