// The window's state: the open database, the chosen year, the board's data and the index.
// Screens read it; use cases go through ipc. A level change refreshes the index at once,
// so the dashboard is live.
import { i18n, type Lang } from "./i18n/index.svelte";
import {
  ipc,
  toIpcError,
  type AnswerDto,
  type DatabaseDto,
  type IndexDto,
  type IndicatorInfo,
  type IndicatorValueDto,
  type IpcError,
  type ScoringDto,
  type Settings,
} from "./ipc/client";

export type View = "first" | "board" | "indicator" | "dashboard" | "transfer" | "settings"
  | "team" | "review" | "mine" | "history" | "packages" | "profile" | "verification" | "planning";

export interface Notice {
  kind: "error" | "info";
  text: string;
  detail?: string;
  code?: string;
}

export const ui = $state({
  loading: true,
  view: "board" as View,
  indicator: 1,
  db: null as DatabaseDto | null,
  openError: null as IpcError | null,
  year: null as number | null,
  indicators: [] as IndicatorInfo[],
  answers: [] as AnswerDto[],
  index: null as IndexDto | null,
  /** How the year's framework scores (whole levels or decimal values, domains, butir). */
  scoring: null as ScoringDto | null,
  /** Decimal frameworks: every indicator's values (the team's, the assessor's, external). */
  values: [] as IndicatorValueDto[],
  notice: null as Notice | null,
  closeDeferred: false,
});

export function notifyError(e: unknown): IpcError {
  const err = toIpcError(e);
  ui.notice = { kind: "error", text: "", code: err.code, detail: err.detail };
  return err;
}

let infoTimer: ReturnType<typeof setTimeout> | undefined;

/** An info notice goes away by itself; errors stay until dismissed. */
export function notifyInfo(text: string) {
  const notice: Notice = { kind: "info", text };
  ui.notice = notice;
  clearTimeout(infoTimer);
  infoTimer = setTimeout(() => {
    if (ui.notice?.text === notice.text && ui.notice.kind === "info") ui.notice = null;
  }, 6000);
}

/** The stored settings (language applied here); null when they cannot be read. */
export async function loadSettings(): Promise<Settings | null> {
  let s: Settings | null = null;
  try {
    s = await ipc.getSettings();
    i18n.lang = (s.language === "en" ? "en" : "id") as Lang;
  } catch {
    i18n.lang = "id";
  }
  document.documentElement.lang = i18n.lang;
  return s;
}

/** (Re)load everything after start or after switching database. */
export async function loadDatabase(db?: DatabaseDto) {
  ui.loading = true;
  try {
    ui.db = db ?? (await ipc.databaseSummary());
    ui.openError = null;
    if (!ui.db.instansi || ui.db.assessments.length === 0) {
      ui.view = "first";
      return;
    }
    if (ui.year == null || !ui.db.assessments.some((a) => a.year === ui.year)) {
      ui.year = ui.db.assessments[0].year;
    }
    await loadYear();
    if (ui.view === "first") ui.view = "board";
  } catch (e) {
    ui.openError = toIpcError(e);
    ui.view = "first";
  } finally {
    ui.loading = false;
  }
}

export async function loadYear() {
  const [indicators, answers, index, scoring] = await Promise.all([
    ipc.indicators(ui.year),
    ipc.answers(ui.year),
    ipc.index(ui.year),
    ipc.scoring(ui.year),
  ]);
  ui.indicators = indicators;
  ui.answers = answers;
  ui.index = index;
  ui.scoring = scoring;
  ui.values = scoring.value_kind === "decimal" ? await ipc.values(ui.year) : [];
}

/** Whether the year's framework is scored with decimal values (Indeks Pemdi). */
export function isDecimal(): boolean {
  return ui.scoring?.value_kind === "decimal";
}

/** Put a changed value into the board and refresh the index. */
export async function valueChanged(v: IndicatorValueDto) {
  const i = ui.values.findIndex((x) => x.indicator === v.indicator);
  if (i >= 0) ui.values[i] = v;
  else ui.values.push(v);
  try {
    ui.index = await ipc.index(ui.year);
  } catch (e) {
    notifyError(e);
  }
}

/** Put a changed answer into the board and refresh the index (the dashboard is live). */
export async function answerChanged(a: AnswerDto) {
  const i = ui.answers.findIndex((x) => x.indicator === a.indicator);
  if (i >= 0) ui.answers[i] = a;
  else ui.answers.push(a);
  try {
    ui.index = await ipc.index(ui.year);
  } catch (e) {
    notifyError(e);
  }
}

export function openIndicator(n: number) {
  ui.indicator = n;
  ui.view = "indicator";
}

export function previousYear(): number | null {
  if (ui.year == null || !ui.db) return null;
  const older = ui.db.assessments.filter((a) => a.year < (ui.year as number)).map((a) => a.year);
  return older.length ? Math.max(...older) : null;
}
