// Nudges for the explanation: the 2024 guideline asks for FAKTA (what exists, citing the
// evidence) then ANALISIS (why it meets the chosen level).
export interface Nudge {
  hasFakta: boolean;
  hasAnalisis: boolean;
  /** Whether the text cites at least one evidence label ("7.a") when evidence exists. */
  citesEvidence: boolean;
  /** FAKTA comes before ANALISIS when both are present. */
  ordered: boolean;
}

export function nudge(text: string, evidenceLabels: string[]): Nudge {
  const fakta = text.search(/\bfakta\b/i);
  const analisis = text.search(/\banalisis\b/i);
  const citesEvidence =
    evidenceLabels.length === 0 ||
    evidenceLabels.some((l) => new RegExp(`(^|[^\\d.])${l.replace(".", "\\.")}(?![a-z])`, "i").test(text));
  return {
    hasFakta: fakta >= 0,
    hasAnalisis: analisis >= 0,
    citesEvidence,
    ordered: fakta < 0 || analisis < 0 || fakta < analisis,
  };
}

export const TEMPLATE = "FAKTA:\n\n\nANALISIS:\n";
