// Frameworks scored with decimal values (the provisional Indeks Pemerintah Digital): the
// window's view logic for values and butir, kept free of Svelte so it is tested alone.
import type { ButirDto, ButirStatus, EvidenceDto, IndicatorValueDto } from "../ipc/client";

/** "2,35" (Indonesian decimal comma, two decimals) for a value; "–" for none. */
export function idValue(v: number | null | undefined): string {
  return v == null ? "–" : v.toFixed(2).replace(".", ",");
}

/** What is wrong with a typed value (null when it is fine): 1,00-5,00, at most two decimals. */
export function valueProblem(text: string): "format" | "range" | null {
  const t = text.trim().replace(",", ".");
  if (!/^\d(\.\d{1,2})?$/.test(t)) return "format";
  const v = Number(t);
  return v < 1 || v > 5 ? "range" : null;
}

export interface ButirLevel {
  level: number;
  levelName: string;
  items: ButirDto[];
  /** Items rejected by the gate (a lower level was rejected). */
  gated: number;
  accepted: number;
}

/** The butir of one indicator by level, level 1 first. */
export function byLevel(list: ButirDto[]): ButirLevel[] {
  const out: ButirLevel[] = [];
  for (const b of [...list].sort((x, y) => x.level - y.level || x.file_prefix.localeCompare(y.file_prefix))) {
    let g = out.find((l) => l.level === b.level);
    if (!g) {
      g = { level: b.level, levelName: b.level_name, items: [], gated: 0, accepted: 0 };
      out.push(g);
    }
    g.items.push(b);
    if (b.gated) g.gated += 1;
    if (b.effective_status === "diterima") g.accepted += 1;
  }
  return out;
}

/** The national form's words for a status. */
export const STATUS_ID: Record<ButirStatus, string> = {
  draft: "Draf",
  diunggah: "Diunggah",
  diterima: "Diterima",
  revisi: "Revisi",
};

const KIND_ID: Record<string, string> = {
  tidak_tepat: "Tidak tepat",
  belum_diunggah: "Belum diunggah",
  otomatis_ditolak: "Otomatis ditolak",
};

/** A file attached to a butir as the evidence package names it: "I1-L2-01.SK Tim.pdf". */
export function butirFileName(b: ButirDto, e: EvidenceDto): string {
  return `${b.file_prefix}.${e.name}`;
}

/** "Salin untuk aplikasi nasional" for one butir: what the national form asks, in its
 * words (always Indonesian), with the files attached to the butir by their conventional
 * names. */
export function butirText(b: ButirDto, evidence: EvidenceDto[]): string {
  const files = evidence.filter((e) => e.butir === b.id);
  const status = STATUS_ID[b.effective_status] + (b.effective_kind ? ` (${KIND_ID[b.effective_kind] ?? b.effective_kind})` : "");
  const lines = [
    `Butir ${b.file_prefix} (${b.id}) · Tingkat ${b.level} ${b.level_name}`,
    b.text.trim(),
    "",
    `Status: ${status}`,
    "Data dukung:",
  ];
  if (files.length === 0) lines.push("-");
  for (const e of files) {
    const name = butirFileName(b, e);
    lines.push(e.kind === "link" && e.url ? `${name} - ${e.url}` : name);
  }
  if (b.effective_note.trim()) lines.push("", `Catatan: ${b.effective_note.trim()}`);
  return lines.join("\n");
}

/** The value used for an indicator: the team's, or the one from another agency's index
 * (its default when nothing is entered); null when the team has not scored it. */
export function usedValue(v: IndicatorValueDto): number | null {
  return v.external ? v.external.value : v.self_value;
}

/** [unscored, 1,00-1,99, 2,00-2,99, 3,00-3,99, 4,00-4,99, 5,00]: the dashboard's spread. */
export function valueDistribution(values: IndicatorValueDto[]): number[] {
  const counts = [0, 0, 0, 0, 0, 0];
  for (const v of values) {
    const x = usedValue(v);
    counts[x == null ? 0 : Math.min(5, Math.max(1, Math.floor(x)))] += 1;
  }
  return counts;
}
