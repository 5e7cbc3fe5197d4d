// Small builders for the view-logic tests.
import type { AnswerDto, EvidenceDto, IndicatorInfo } from "../ipc/client";

export function info(number: number, aspect: number, domain: number, name = `Indikator ${number}`): IndicatorInfo {
  return {
    number, name, question: `Pertanyaan ${number}?`, weight: "1,30",
    domain: { number: domain, code: `D${domain}`, name: `Domain ${domain}` },
    aspect: { number: aspect, code: `A${aspect}`, name: `Aspek ${aspect}` },
    nameable: false, criteria_version: "pedoman-3-2024", description: null, assessment_rules: null,
    evidence_examples: null, levels: [],
  };
}

export function answer(indicator: number, over: Partial<AnswerDto> = {}): AnswerDto {
  return {
    year: 2026, indicator, name: `Indikator ${indicator}`, level: null, level_name: null, explanation: "",
    service_name: null, owner: "", status: "draft", author: "", updated_at: null, evidence_count: 0, returned: null, carried_from: null, submitted_by: null, ...over,
  } as AnswerDto;
}

export function ev(id: number, label: string, name: string, over: Partial<EvidenceDto> = {}): EvidenceDto {
  return {
    id, indicator: Number(label.split(".")[0]), label, kind: "file", name,
    // As swanilai-app names it; the rule itself is tested in Rust (evidence.rs).
    conventional_name: name.startsWith(`${label}.`) ? name : `${label}.${name}`, sha256: "ab", size: 1000,
    media_type: "application/pdf", url: null, note: "", document_date: null, added_at: "", added_by: "",
    newly_attached: true, carried_from: null, ...over,
  } as EvidenceDto;
}
