// Evidence naming and preview rules.
import type { EvidenceDto } from "../ipc/client";

/** `<indicator>.<letter>.<description>` as the evidence convention wants, exactly as the
 * evidence package names the file (swanilai-app `package_name`): characters no file system
 * takes become "_", and the label goes in front unless the name already starts with it. */
export function conventionalName(e: Pick<EvidenceDto, "label" | "name">): string {
  const clean = Array.from(e.name)
    .map((c) => (/[\\/:*?"<>|]/.test(c) || /\p{Cc}/u.test(c) ? "_" : c))
    .join("");
  return clean.startsWith(`${e.label}.`) ? clean : `${e.label}.${clean}`;
}

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
