// Import problems said in the window's language, from their kind (the app sends the kind
// with its fields, so switching the language re-says them without asking the app again),
// and the short form of a long before/after text in the import preview.
import { translate, type Lang } from "../i18n/index.svelte";
import type { ProblemKind } from "../ipc/bindings/ProblemKind";

/** "11, 12 dan 14" / "11, 12 and 14". */
function rowList(lang: Lang, rows: number[]): string {
  if (rows.length < 2) return rows.join("");
  return `${rows.slice(0, -1).join(", ")} ${translate(lang, "tr.problem.and")} ${rows[rows.length - 1]}`;
}

/** What is wrong and how to mend it, in `lang`: the same words as the app's own message.
 * A kind this window does not know (a newer app) falls back to `message`. */
export function problemMessage(lang: Lang, p: ProblemKind & { message?: string }): string {
  switch (p.kind) {
    case "not_an_indicator":
      return translate(lang, "tr.problem.notAnIndicator", { value: p.value, framework: p.framework });
    case "no_empty":
      return translate(lang, "tr.problem.noEmpty");
    case "not_indicator_number":
      return translate(lang, "tr.problem.notIndicatorNumber", { value: p.value });
    case "not_a_level":
      return translate(lang, "tr.problem.notALevel", { value: p.value });
    case "not_text":
      return translate(lang, p.field === "owner" ? "tr.problem.notTextOwner" : "tr.problem.notTextExplanation", {
        value: p.value,
      });
    case "duplicate":
      if (p.more > 0) {
        return translate(lang, "tr.problem.duplicateMore", {
          indicator: p.indicator,
          rows: p.rows.join(", "),
          more: p.more,
        });
      }
      return translate(lang, "tr.problem.duplicate", { indicator: p.indicator, rows: rowList(lang, p.rows) });
    case "formula_without_value":
      return translate(lang, "tr.problem.formulaWithoutValue", { cell: p.cell, header: p.header });
    case "sheet_too_long":
      return translate(lang, "tr.problem.sheetTooLong", { limit: p.limit });
    case "sheet_too_large":
      return translate(lang, "tr.problem.sheetTooLarge", { row: p.row });
    case "not_a_year":
      return translate(lang, "tr.problem.notAYear", { value: p.value });
  }
  return (p as { message?: string }).message ?? "";
}

/** Characters of a before/after text shown before "selengkapnya". */
export const SHORT_TEXT = 60;

/** The first line of `text`, cut at `max` characters with an ellipsis; `null` when the text
 * is short and on one line (nothing to expand). */
export function shortText(text: string, max = SHORT_TEXT): string | null {
  const chars = [...text];
  const firstLine = text.split("\n")[0];
  if (chars.length <= max && firstLine === text) return null;
  const cut = [...firstLine].slice(0, max).join("");
  return `${cut.trimEnd()}…`;
}
