// "Copy for the national application": the shape of the online form's fields, so a team
// pastes instead of re-typing. Always Indonesian: the national form is.
import type { AnswerDto, EvidenceDto, IndicatorInfo } from "../ipc/client";

/** `value`: for a framework scored with decimal values, the value and its band in words
 * ("2,35 (Cukup)"), said instead of a level. */
export function nationalText(info: IndicatorInfo, answer: AnswerDto, evidence: EvidenceDto[], value?: string): string {
  const level = answer.level != null ? `${answer.level} (${answer.level_name ?? ""})`.replace(" ()", "") : "-";
  const lines = [
    `Indikator ${info.number}: ${answer.service_name ? `${info.name} (${answer.service_name})` : info.name}`,
    value != null ? `Nilai: ${value}` : `Jawaban: Tingkat ${level}`,
    "",
    "Penjelasan:",
    answer.explanation.trim() || "-",
    "",
    "Data dukung:",
  ];
  if (evidence.length === 0) lines.push("-");
  for (const e of evidence) {
    const name = e.conventional_name;
    lines.push(e.kind === "link" && e.url ? `${name} - ${e.url}${e.note ? ` (${e.note})` : ""}` : name);
  }
  return lines.join("\n");
}
