// The one typed client of the desktop shell's commands. Types come from the ts-rs
// bindings generated from swanilai-app (ui/src/ipc/bindings, checked fresh by cargo test).
import { Channel, invoke } from "@tauri-apps/api/core";
import type { AnswerDto } from "./bindings/AnswerDto";
import type { AnswerInput } from "./bindings/AnswerInput";
import type { AppError } from "./bindings/AppError";
import type { AssessmentDto } from "./bindings/AssessmentDto";
import type { BackupDto } from "./bindings/BackupDto";
import type { DatabaseDto } from "./bindings/DatabaseDto";
import type { ErrorCode } from "./bindings/ErrorCode";
import type { EvidenceDto } from "./bindings/EvidenceDto";
import type { ImportOutcome } from "./bindings/ImportOutcome";
import type { ImportPreview } from "./bindings/ImportPreview";
import type { IndexDto } from "./bindings/IndexDto";
import type { IndicatorInfo } from "./bindings/IndicatorInfo";
import type { InstansiInput } from "./bindings/InstansiInput";
import type { PackageSummary } from "./bindings/PackageSummary";
import type { ProgressDto } from "./bindings/ProgressDto";
import type { Settings } from "./bindings/Settings";

export type {
  AnswerDto, AnswerInput, AssessmentDto, BackupDto, DatabaseDto, ErrorCode, EvidenceDto,
  ImportOutcome, ImportPreview, IndexDto, IndicatorInfo, InstansiInput, PackageSummary, ProgressDto, Settings,
};
export type { GroupIndexDto } from "./bindings/GroupIndexDto";
export type { InstansiKind } from "./bindings/InstansiKind";
export type { LevelInfo } from "./bindings/LevelInfo";

/** A command's failure: the closed code the UI branches on, and the detail text. */
export class IpcError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

export function isAppError(e: unknown): e is AppError {
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

/** Any rejection as an IpcError (a non-AppError rejection becomes INTERNAL). */
export function toIpcError(e: unknown): IpcError {
  if (e instanceof IpcError) return e;
  if (isAppError(e)) return new IpcError(e.code, e.message);
  return new IpcError("INTERNAL", e instanceof Error ? e.message : String(e));
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toIpcError(e);
  }
}

function progressChannel(onProgress?: (p: ProgressDto) => void): Channel<ProgressDto> {
  const ch = new Channel<ProgressDto>();
  ch.onmessage = (p) => onProgress?.(p);
  return ch;
}

type Year = number | null;

export const ipc = {
  databaseSummary: () => call<DatabaseDto>("database_summary"),
  initInstansi: (input: InstansiInput, year: number) =>
    call<DatabaseDto>("init_instansi", { input, year }),
  newAssessment: (year: number) => call<AssessmentDto>("new_assessment", { year }),
  loadDemo: () => call<DatabaseDto>("load_demo"),
  openDatabase: (path: string, create: boolean) =>
    call<DatabaseDto>("open_database", { path, create }),

  answers: (year: Year) => call<AnswerDto[]>("answers", { year }),
  answer: (year: Year, indicator: number) => call<AnswerDto>("answer", { year, indicator }),
  setAnswer: (year: Year, indicator: number, input: AnswerInput) =>
    call<AnswerDto>("set_answer", { year, indicator, input }),
  indicators: (year: Year) => call<IndicatorInfo[]>("indicators", { year }),
  indicatorInfo: (year: Year, indicator: number) =>
    call<IndicatorInfo>("indicator_info", { year, indicator }),
  index: (year: Year) => call<IndexDto>("index", { year }),

  evidence: (year: Year, indicator: number | null) =>
    call<EvidenceDto[]>("evidence", { year, indicator }),
  addEvidenceFiles: (year: Year, indicator: number, paths: string[], date: string | null) =>
    call<EvidenceDto[]>("add_evidence_files", { year, indicator, paths, date }),
  addEvidenceLink: (year: Year, indicator: number, url: string, title: string | null, note: string) =>
    call<EvidenceDto>("add_evidence_link", { year, indicator, url, title, note }),
  removeEvidence: (year: Year, id: number) => call<EvidenceDto>("remove_evidence", { year, id }),
  evidenceContent: (year: Year, id: number) => call<ArrayBuffer>("evidence_content", { year, id }),
  openEvidence: (year: Year, id: number) => call<string>("open_evidence", { year, id }),

  exportWorkbook: (year: Year, out: string, onProgress?: (p: ProgressDto) => void) =>
    call<string>("export_workbook", { year, out, onProgress: progressChannel(onProgress) }),
  exportEvidencePackage: (year: Year, out: string, onProgress?: (p: ProgressDto) => void) =>
    call<PackageSummary>("export_evidence_package", { year, out, onProgress: progressChannel(onProgress) }),
  importPreview: (year: Year, file: string) => call<ImportPreview>("import_preview", { year, file }),
  importApply: (year: Year, file: string, accept: boolean, onProgress?: (p: ProgressDto) => void) =>
    call<ImportOutcome>("import_apply", { year, file, accept, onProgress: progressChannel(onProgress) }),

  getSettings: () => call<Settings>("get_settings"),
  setLanguage: (language: string) => call<Settings>("set_language", { language }),
  defaultDatabase: () => call<string>("default_database"),
  backup: (dest: string) => call<BackupDto>("backup", { dest }),
};
