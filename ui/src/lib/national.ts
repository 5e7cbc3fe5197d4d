// "Copy for the national application": the shape of the online form's fields, so a team
// pastes instead of re-typing. Always Indonesian: the national form is.
import type { AnswerDto, EvidenceDto, IndicatorInfo } from "../ipc/client";

export function nationalText(info: IndicatorInfo, answer: AnswerDto, evidence: EvidenceDto[]): string {
  const level = answer.level != null ? `${answer.level} (${answer.level_name ?? ""})`.replace(" ()", "") : "-";
  const lines = [
    `Indikator ${info.number}: ${answer.service_name ? `${info.name} (${answer.service_name})` : info.name}`,
    `Jawaban: Tingkat ${level}`,
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
