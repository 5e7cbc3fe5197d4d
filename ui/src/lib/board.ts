// The indicator board's view logic: grouping by domain and aspect, filters, search, progress.
import type { AnswerDto, IndicatorInfo } from "../ipc/client";

export type Filter = "all" | "unanswered" | "returned" | "noEvidence" | "mine";
export const FILTERS: Filter[] = ["all", "unanswered", "returned", "noEvidence", "mine"];

export interface Row {
  info: IndicatorInfo;
  answer: AnswerDto | undefined;
}
export interface AspectGroup {
  number: number;
  name: string;
  rows: Row[];
  answered: number;
  total: number;
}
export interface DomainGroup {
  number: number;
  name: string;
  aspects: AspectGroup[];
}

export function isAnswered(a: AnswerDto | undefined): boolean {
  return a?.level != null;
}

/** Catalog order kept; a framework without domains gets one unnamed group (number 0). */
/** `done`: whether an indicator counts as answered (default: it has a level; a decimal
 * framework passes whether it has a value). */
export function groupBoard(
  indicators: IndicatorInfo[],
  answers: AnswerDto[],
  done: (n: number, a: AnswerDto | undefined) => boolean = (_n, a) => isAnswered(a),
): DomainGroup[] {
  const byNumber = new Map(answers.map((a) => [a.indicator, a]));
  const domains: DomainGroup[] = [];
  for (const info of indicators) {
    const dNum = info.domain?.number ?? 0;
    let d = domains.find((x) => x.number === dNum);
    if (!d) {
      d = { number: dNum, name: info.domain?.name ?? "", aspects: [] };
      domains.push(d);
    }
    let asp = d.aspects.find((x) => x.number === info.aspect.number);
    if (!asp) {
      asp = { number: info.aspect.number, name: info.aspect.name, rows: [], answered: 0, total: 0 };
      d.aspects.push(asp);
    }
    const answer = byNumber.get(info.number);
    asp.rows.push({ info, answer });
    asp.total += 1;
    if (done(info.number, answer)) asp.answered += 1;
  }
  return domains;
}

/** `mine`: the indicators assigned to the signed-in user (the "mine" filter). */
export function matches(row: Row, filter: Filter, query: string, mine?: ReadonlySet<number>): boolean {
  const a = row.answer;
  const ok =
    filter === "all" ||
    (filter === "unanswered" && !isAnswered(a)) ||
    (filter === "returned" && a?.status === "returned") ||
    (filter === "noEvidence" && (a?.evidence_count ?? 0) === 0) ||
    (filter === "mine" && (mine?.has(row.info.number) ?? false));
  if (!ok) return false;
  const q = query.trim().toLowerCase();
  if (!q) return true;
  if (/^\d+$/.test(q)) return String(row.info.number) === q;
  const hay = `${row.info.number} ${row.info.name} ${a?.service_name ?? ""} ${a?.owner ?? ""}`.toLowerCase();
  return q.split(/\s+/).every((w) => hay.includes(w));
}

/** The groups with only matching rows, empty aspects and domains dropped. */
export function filterBoard(groups: DomainGroup[], filter: Filter, query: string, mine?: ReadonlySet<number>): DomainGroup[] {
  return groups
    .map((d) => ({
      ...d,
      aspects: d.aspects
        .map((asp) => ({ ...asp, rows: asp.rows.filter((r) => matches(r, filter, query, mine)) }))
        .filter((asp) => asp.rows.length > 0),
    }))
    .filter((d) => d.aspects.length > 0);
}

export function progress(
  answers: AnswerDto[],
  done: (n: number, a: AnswerDto | undefined) => boolean = (_n, a) => isAnswered(a),
): { answered: number; total: number; percent: number } {
  const answered = answers.filter((a) => done(a.indicator, a)).length;
  const total = answers.length;
  return { answered, total, percent: total === 0 ? 0 : Math.round((answered * 100) / total) };
}

/** Previous / next indicator number in catalog order (for the page's arrows). */
export function neighbours(numbers: number[], current: number): { prev?: number; next?: number } {
  const i = numbers.indexOf(current);
  if (i < 0) return {};
  return { prev: numbers[i - 1], next: numbers[i + 1] };
}
