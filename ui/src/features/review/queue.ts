// The review queue's view logic (issue 9, item 5): who submitted, a filter by unit kerja or
// person, moving on after a decision, and approving several items once each was looked at.
import type { AnswerDto } from "../../ipc/client";

/** "" shows everything; "unit:<name>" one unit kerja; "person:<name>" one submitter. */
export type QueueFilter = string;

/** Who submitted an item: the audit trail's submitter, else the last editor. */
export function submitter(q: AnswerDto): string {
  return q.submitted_by ?? q.author;
}

/**
 * The unit kerja of an item: the submitter's unit in the team, else the answer's own
 * Unit/Penanggung Jawab, else "".
 */
export function unitOf(q: AnswerDto, units: ReadonlyMap<string, string>): string {
  return units.get(submitter(q)) || q.owner.trim();
}

/** The filter's choices: the units and the people that occur in the queue, sorted. */
export function filterChoices(queue: AnswerDto[], units: ReadonlyMap<string, string>) {
  const sorted = (xs: Iterable<string>) => [...new Set(xs)].filter((x) => x !== "").sort((a, b) => a.localeCompare(b, "id"));
  return {
    units: sorted(queue.map((q) => unitOf(q, units))),
    people: sorted(queue.map(submitter)),
  };
}

export function applyFilter(queue: AnswerDto[], filter: QueueFilter, units: ReadonlyMap<string, string>): AnswerDto[] {
  if (filter.startsWith("unit:")) return queue.filter((q) => unitOf(q, units) === filter.slice(5));
  if (filter.startsWith("person:")) return queue.filter((q) => submitter(q) === filter.slice(7));
  return queue;
}

/**
 * Where to go after deciding `done`: the item after it in the list as it was shown, else
 * the one before it; undefined when nothing is left. `shown` still contains `done`.
 */
export function nextAfter(shown: number[], done: number): number | undefined {
  const i = shown.indexOf(done);
  const rest = shown.filter((n) => n !== done);
  if (i < 0) return rest[0];
  return rest[i] ?? rest[rest.length - 1];
}

/** The ticked items that may be approved together: still in the queue and looked at. */
export function approvable(ticked: ReadonlySet<number>, seen: ReadonlySet<number>, queue: AnswerDto[]): number[] {
  return queue.map((q) => q.indicator).filter((n) => ticked.has(n) && seen.has(n));
}
