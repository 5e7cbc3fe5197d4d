// View logic of the team screen: who is assigned to an indicator, the units to pick from.
import type { AccountDto, Assignee, AssignmentDto } from "../../ipc/client";

export function assigneeKey(a: Assignee): string {
  return `${a.kind}:${a.name.toLowerCase()}`;
}

/** The assignees of one indicator: people first, then units, each by name. */
export function assigneesOf(all: AssignmentDto[], indicator: number): Assignee[] {
  return all
    .filter((a) => a.indicator === indicator)
    .map((a) => a.assignee)
    .sort((x, y) => (x.kind === y.kind ? x.name.localeCompare(y.name, "id") : x.kind === "account" ? -1 : 1));
}

/** The accounts of a unit kerja, by name: who works on an indicator assigned to the unit
 * (matched as the app layer does, without case). */
export function unitMembers(accounts: AccountDto[], unit: string): string[] {
  const u = unit.trim().toLowerCase();
  if (!u) return [];
  return accounts
    .filter((a) => a.unit.trim().toLowerCase() === u)
    .map((a) => a.name)
    .sort((a, b) => a.localeCompare(b, "id"));
}

/**
 * The unit kerja through which an indicator is the user's, or null when it is assigned to
 * them by name (or not at all): "Indikator saya" says "melalui unit Bappeda".
 */
export function viaUnit(all: AssignmentDto[], indicator: number, me: { name: string; unit: string }): string | null {
  const mine = all.filter((a) => a.indicator === indicator).map((a) => a.assignee);
  if (mine.some((a) => a.kind === "account" && a.name.toLowerCase() === me.name.toLowerCase())) return null;
  const unit = me.unit.trim().toLowerCase();
  const through = mine.find((a) => a.kind === "unit" && unit !== "" && a.name.trim().toLowerCase() === unit);
  return through ? through.name : null;
}

/** The distinct unit kerja of the accounts, sorted, empty ones left out. */
export function unitsOf(accounts: AccountDto[]): string[] {
  const seen = new Map<string, string>();
  for (const a of accounts) {
    const u = a.unit.trim();
    if (u && !seen.has(u.toLowerCase())) seen.set(u.toLowerCase(), u);
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b, "id"));
}

/** "Tingkat Kematangan Kebijakan Internal Audit TIK" -> "Kebijakan Internal Audit TIK": every
 * indicator of the 2020 framework starts alike, the rest tells them apart in a narrow list. */
export function shortName(name: string): string {
  const s = name.replace(/^Tingkat Kematangan\s+/i, "");
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : name;
}

/** The indicator numbers named by the audit check's mismatch lines, in order, once each. */
export function tamperedIndicators(mismatches: string[]): number[] {
  const out: number[] = [];
  for (const m of mismatches) {
    const n = Number(/indicator (\d+)/.exec(m)?.[1]);
    if (Number.isInteger(n) && n > 0 && !out.includes(n)) out.push(n);
  }
  return out;
}
