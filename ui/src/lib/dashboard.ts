// Dashboard figures that are not in IndexDto: completeness and the distribution of levels.
import type { AnswerDto } from "../ipc/client";

export function levelDistribution(answers: AnswerDto[]): number[] {
  // [unanswered, level 1, ..., level 5]
  const counts = [0, 0, 0, 0, 0, 0];
  for (const a of answers) counts[a.level != null && a.level >= 1 && a.level <= 5 ? a.level : 0] += 1;
  return counts;
}

export function completeness(answers: AnswerDto[]) {
  const total = answers.length;
  const answered = answers.filter((a) => a.level != null).length;
  const withEvidence = answers.filter((a) => a.evidence_count > 0).length;
  const withExplanation = answers.filter((a) => a.explanation.trim().length > 0).length;
  const pct = (n: number) => (total === 0 ? 0 : Math.round((n * 100) / total));
  return { total, answered, withEvidence, withExplanation, pct };
}

/** Indonesian decimal display with 2 decimals (3.28 -> "3,28"). */
export function idDecimal(x: number | null | undefined): string {
  return x == null ? "–" : x.toFixed(2).replace(".", ",");
}

/** Predikat -> CSS class. */
export function ratingClass(rating: string | null | undefined): string {
  switch (rating) {
    case "Memuaskan": return "r5";
    case "Sangat Baik": return "r4";
    case "Baik": return "r3";
    case "Cukup": return "r2";
    case "Kurang": return "r1";
    default: return "r0";
  }
}
