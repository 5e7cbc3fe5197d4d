// The restore preview as plain data: a backup's content set against the database now,
// one row per assessment year either side holds.
import type { BackupAssessmentDto } from "../ipc/bindings/BackupAssessmentDto";
import type { BackupDbStateDto } from "../ipc/bindings/BackupDbStateDto";

export type CompareRow = {
  year: number;
  then: BackupAssessmentDto | null;
  now: BackupAssessmentDto | null;
  /** Answered count or index differ (or one side has no such assessment). */
  differs: boolean;
};

/** Newest year first. */
export function compareStates(then: BackupDbStateDto, now: BackupDbStateDto): CompareRow[] {
  const years = [...new Set([...then.assessments, ...now.assessments].map((a) => a.year))].sort((a, b) => b - a);
  return years.map((year) => {
    const t = then.assessments.find((a) => a.year === year) ?? null;
    const n = now.assessments.find((a) => a.year === year) ?? null;
    const differs = !t || !n || t.answered !== n.answered || t.index_text !== n.index_text || t.finalized !== n.finalized;
    return { year, then: t, now: n, differs };
  });
}

/** "46/47 · 2,77" (or "46/47" with nothing to index, "–" for no assessment). */
export function brief(a: BackupAssessmentDto | null): string {
  if (!a) return "–";
  return a.index_text ? `${a.answered}/${a.total} · ${a.index_text}` : `${a.answered}/${a.total}`;
}

/** "920 KiB", "1,4 MiB" (Indonesian decimal comma: the product's convention). */
export function size(bytes: number): string {
  if (bytes >= 1 << 20) return `${(bytes / (1 << 20)).toFixed(1).replace(".", ",")} MiB`;
  return `${Math.ceil(bytes / 1024)} KiB`;
}

/** "2026-11-30T01:02:03Z" in the machine's local time, "30-11-2026 08.02"; the id when empty. */
export function when(at: string, id: string): string {
  const d = new Date(at);
  if (!at || Number.isNaN(d.getTime())) return id;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getDate())}-${p(d.getMonth() + 1)}-${d.getFullYear()} ${p(d.getHours())}.${p(d.getMinutes())}`;
}
