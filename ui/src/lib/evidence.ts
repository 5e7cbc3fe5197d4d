// Evidence naming and preview rules.
import type { EvidenceDto } from "../ipc/client";

const CONVENTION = /^\d+\.[a-z]+\./i;

/** `<indicator>.<letter>.<description>` as the evidence convention wants: a name that
 * already follows it is kept; otherwise the label is put in front of a cleaned name. */
export function conventionalName(e: Pick<EvidenceDto, "label" | "name" | "kind">): string {
  if (CONVENTION.test(e.name)) return e.name;
  const dot = e.kind === "file" ? e.name.lastIndexOf(".") : -1;
  const stem = dot > 0 ? e.name.slice(0, dot) : e.name;
  const ext = dot > 0 ? e.name.slice(dot).toLowerCase() : "";
  const description =
    stem
      .normalize("NFC")
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "-")
      .replace(/\s+/g, "-")
      .replace(/-+/g, "-")
      .replace(/^[-.]+|[-.]+$/g, "") || "berkas";
  return `${e.label}.${description}${ext}`;
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
