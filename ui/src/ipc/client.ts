// The one typed client of the desktop shell's commands, by area (the same words as
// src-tauri/src/commands/<area>.rs and swanilai-app). Types come from the ts-rs bindings
// generated from swanilai-app (ui/src/ipc/bindings, checked fresh by cargo test). Every
// rejection becomes an IpcError with the AppError code the UI branches on.
import { Channel, invoke } from "@tauri-apps/api/core";
import type { AccountDto } from "./bindings/AccountDto";
import type { AnswerDto } from "./bindings/AnswerDto";
import type { AnswerInput } from "./bindings/AnswerInput";
import type { AppError } from "./bindings/AppError";
import type { AssessmentDto } from "./bindings/AssessmentDto";
import type { Assignee } from "./bindings/Assignee";
import type { AssignmentDto } from "./bindings/AssignmentDto";
import type { AuditEntryDto } from "./bindings/AuditEntryDto";
import type { AuditReport } from "./bindings/AuditReport";
import type { BackupDto } from "./bindings/BackupDto";
import type { BackupListDto } from "./bindings/BackupListDto";
import type { RestoreReportDto } from "./bindings/RestoreReportDto";
import type { CommentDto } from "./bindings/CommentDto";
import type { DatabaseDto } from "./bindings/DatabaseDto";
import type { DocumentKind } from "./bindings/DocumentKind";
import type { ErrorCode } from "./bindings/ErrorCode";
import type { EvidenceDto } from "./bindings/EvidenceDto";
import type { ImportOutcome } from "./bindings/ImportOutcome";
import type { ImportPreview } from "./bindings/ImportPreview";
import type { IndexDto } from "./bindings/IndexDto";
import type { IndicatorInfo } from "./bindings/IndicatorInfo";
import type { InstansiDto } from "./bindings/InstansiDto";
import type { InstansiInput } from "./bindings/InstansiInput";
import type { Language } from "./bindings/Language";
import type { MergeDecision } from "./bindings/MergeDecision";
import type { MergeReport } from "./bindings/MergeReport";
import type { PackageDto } from "./bindings/PackageDto";
import type { PackageTarget } from "./bindings/PackageTarget";
import type { Take } from "./bindings/Take";
import type { TextSize } from "./bindings/TextSize";
import type { WorkingCopyDto } from "./bindings/WorkingCopyDto";
import type { NewAccount } from "./bindings/NewAccount";
import type { PackageSummary } from "./bindings/PackageSummary";
import type { ProgressDto } from "./bindings/ProgressDto";
import type { ReviewStep } from "./bindings/ReviewStep";
import type { Role } from "./bindings/Role";
import type { Settings } from "./bindings/Settings";
import type { SignedInDto } from "./bindings/SignedInDto";
import type { TeamMemberDto } from "./bindings/TeamMemberDto";
import type { Year } from "./bindings/Year";
import type { ButirDto } from "./bindings/ButirDto";
import type { ButirInput } from "./bindings/ButirInput";
import type { ExternalInput } from "./bindings/ExternalInput";
import type { FrameworkDto } from "./bindings/FrameworkDto";
import type { IndicatorValueDto } from "./bindings/IndicatorValueDto";
import type { ScoringDto } from "./bindings/ScoringDto";
import type { ValueInput } from "./bindings/ValueInput";
import type { CarryInput } from "./bindings/CarryInput";
import type { CompareDto } from "./bindings/CompareDto";
import type { GapDto } from "./bindings/GapDto";
import type { IndicatorPlanDto } from "./bindings/IndicatorPlanDto";
import type { IndicatorPlanInput } from "./bindings/IndicatorPlanInput";
import type { PlanDto } from "./bindings/PlanDto";
import type { PlanInput } from "./bindings/PlanInput";
import type { RecommendationDto } from "./bindings/RecommendationDto";
import type { RecommendationInput } from "./bindings/RecommendationInput";
import type { ScenarioDto } from "./bindings/ScenarioDto";
import type { ValueChange } from "./bindings/ValueChange";
import type { StageImportDto } from "./bindings/StageImportDto";
import type { StageInput } from "./bindings/StageInput";
import type { YearsDto } from "./bindings/YearsDto";

export type {
  AccountDto, AnswerDto, AnswerInput, AssessmentDto, Assignee, AssignmentDto, AuditEntryDto, AuditReport, BackupDto,
  CommentDto, DatabaseDto, DocumentKind, ErrorCode, EvidenceDto, ImportOutcome, ImportPreview, IndexDto, IndicatorInfo,
  InstansiDto, InstansiInput, Language, MergeDecision, MergeReport, NewAccount, PackageDto, PackageSummary, PackageTarget,
  ProgressDto, ReviewStep, Role, Settings, SignedInDto, Take, TeamMemberDto, TextSize, WorkingCopyDto, Year,
};
export type { ButirDto, ButirInput, ExternalInput, FrameworkDto, IndicatorValueDto, ScoringDto, ValueInput };
export type { CarryInput, CompareDto, GapDto, StageImportDto, StageInput, YearsDto };
export type { IndicatorPlanDto, IndicatorPlanInput, PlanDto, PlanInput, RecommendationDto, RecommendationInput, ScenarioDto, ValueChange };
export type { CompareRowDto } from "./bindings/CompareRowDto";
export type { StageChangeDto } from "./bindings/StageChangeDto";
export type { StageIndexDto } from "./bindings/StageIndexDto";
export type { StageNoteDto } from "./bindings/StageNoteDto";
export type { YearPointDto } from "./bindings/YearPointDto";
export type { YearSeriesDto } from "./bindings/YearSeriesDto";
export type { ButirStatus } from "./bindings/ButirStatus";
export type { RevisiKind } from "./bindings/RevisiKind";
export type { BandDto } from "./bindings/BandDto";
export type { ExternalValueDto } from "./bindings/ExternalValueDto";
export type { Change } from "./bindings/Change";
export type { BackupInfoDto } from "./bindings/BackupInfoDto";
export type { BackupListDto, RestoreReportDto };
export type { Field } from "./bindings/Field";
export type { IndicatorMergeDto } from "./bindings/IndicatorMergeDto";
export type { Outcome } from "./bindings/Outcome";
export type { AnswerPermissions } from "./bindings/AnswerPermissions";
export type { AssessmentPermissions } from "./bindings/AssessmentPermissions";
export type { GroupIndexDto } from "./bindings/GroupIndexDto";
export type { InstansiKind } from "./bindings/InstansiKind";
export type { Level } from "./bindings/Level";
export type { LevelInfo } from "./bindings/LevelInfo";
export type { Lock } from "./bindings/Lock";
export type { Status } from "./bindings/Status";

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

/** The first element of a one-item answer (a list filtered to one indicator). */
async function one<T>(list: Promise<T[]>, what: string): Promise<T> {
  const [first] = await list;
  if (first === undefined) throw new IpcError("INTERNAL", `${what}: empty answer`);
  return first;
}

export const ipc = {
  // database
  databaseSummary: () => call<DatabaseDto>("database_summary"),
  start: (input: InstansiInput, year: number, framework: string | null = null) =>
    call<DatabaseDto>("start", { input, year, framework }),
  /** A new year; `carry` starts it from last year's chosen indicators (null: empty). */
  newAssessment: (year: number, framework: string | null = null, carry: CarryInput | null = null) =>
    call<AssessmentDto>("new_assessment", { year, framework, carry }),
  frameworks: () => call<FrameworkDto[]>("frameworks"),
  updateProfile: (input: InstansiInput) => call<InstansiDto>("update_profile", { input }),
  loadDemo: () => call<DatabaseDto>("load_demo"),
  openDatabase: (path: string, create: boolean) => call<DatabaseDto>("open_database", { path, create }),
  backup: (dest: string) => call<BackupDto>("backup", { dest }),
  backups: () => call<BackupListDto>("backups"),
  restoreBackup: (id: string) => call<RestoreReportDto>("restore_backup", { id }),

  // answers
  answers: (year: Year) => call<AnswerDto[]>("answers", { year, indicator: null }),
  answer: (year: Year, indicator: number) =>
    one(call<AnswerDto[]>("answers", { year, indicator }), `answer ${indicator}`),
  setAnswer: (year: Year, indicator: number, input: AnswerInput) =>
    call<AnswerDto>("set_answer", { year, indicator, input }),
  indicators: (year: Year) => call<IndicatorInfo[]>("indicators", { year, indicator: null }),
  indicatorInfo: (year: Year, indicator: number) =>
    one(call<IndicatorInfo[]>("indicators", { year, indicator }), `indicator ${indicator}`),

  // index
  index: (year: Year) => call<IndexDto>("index", { year }),

  // decimal frameworks (Indeks Pemdi): scoring, values, external indices, butir
  scoring: (year: Year) => call<ScoringDto>("scoring", { year }),
  values: (year: Year, indicator: number | null = null) =>
    call<IndicatorValueDto[]>("values", { year, indicator }),
  setValue: (year: Year, indicator: number, input: ValueInput) =>
    call<IndicatorValueDto>("set_value", { year, indicator, input }),
  setExternal: (year: Year, indicator: number, input: ExternalInput) =>
    call<IndicatorValueDto>("set_external", { year, indicator, input }),
  butir: (year: Year, indicator: number | null) => call<ButirDto[]>("butir", { year, indicator }),
  setButir: (year: Year, input: ButirInput) => call<ButirDto[]>("set_butir", { year, input }),
  attachToButir: (year: Year, evidence: number, butir: string | null) =>
    call<EvidenceDto>("attach_to_butir", { year, evidence, butir }),

  // evidence
  evidence: (year: Year, indicator: number | null) => call<EvidenceDto[]>("evidence", { year, indicator }),
  addEvidenceFiles: (year: Year, indicator: number, paths: string[], date: string | null) =>
    call<EvidenceDto[]>("add_evidence_files", { year, indicator, paths, date }),
  addEvidenceLink: (year: Year, indicator: number, url: string, title: string | null, note: string) =>
    call<EvidenceDto>("add_evidence_link", { year, indicator, url, title, note }),
  removeEvidence: (year: Year, id: number) => call<EvidenceDto>("remove_evidence", { year, id }),
  evidencePreview: (year: Year, id: number) => call<ArrayBuffer>("evidence_preview", { year, id }),
  openEvidence: (year: Year, id: number) => call<string>("open_evidence", { year, id }),

  // transfer
  exportWorkbook: (year: Year, out: string, onProgress?: (p: ProgressDto) => void) =>
    call<string>("export_workbook", { year, out, onProgress: progressChannel(onProgress) }),
  exportEvidencePackage: (year: Year, out: string, onProgress?: (p: ProgressDto) => void) =>
    call<PackageSummary>("export_evidence_package", { year, out, onProgress: progressChannel(onProgress) }),
  importPreview: (year: Year, file: string) => call<ImportPreview>("import_preview", { year, file }),
  importApply: (year: Year, file: string, accept: boolean, onProgress?: (p: ProgressDto) => void) =>
    call<ImportOutcome>("import_apply", { year, file, accept, onProgress: progressChannel(onProgress) }),

  // verification: the assessors' stages, self against verified, the years compared
  verification: (year: Year) => call<CompareDto>("verification", { year }),
  setStage: (year: Year, input: StageInput) => call<CompareDto>("set_stage", { year, input }),
  verificationTemplate: (year: Year, out: string) => call<string>("verification_template", { year, out }),
  verificationPreview: (year: Year, file: string) => call<StageImportDto>("verification_preview", { year, file }),
  verificationImport: (year: Year, file: string) => call<StageImportDto>("verification_import", { year, file }),
  compareYears: () => call<YearsDto>("compare_years"),

  // settings
  getSettings: () => call<Settings>("get_settings"),
  setLanguage: (language: Language) => call<Settings>("set_language", { language }),
  setDisplay: (zoom: number, textSize: TextSize) => call<Settings>("set_display", { display: { zoom, text_size: textSize } }),
  defaultDatabase: () => call<string>("default_database"),

  // accounts
  requiresSignIn: () => call<boolean>("requires_sign_in"),
  signedIn: () => call<SignedInDto | null>("signed_in"),
  signIn: (name: string, password: string) => call<SignedInDto>("sign_in", { name, password }),
  signOut: () => call<void>("sign_out"),
  /** The signed-in user's own password; WRONG_CREDENTIALS if `current` is wrong, WEAK_PASSWORD. */
  changePassword: (current: string, next: string) => call<void>("change_password", { current, new: next }),
  /** The supervisor account sets another account's password (forgotten); SUPERVISOR_ONLY otherwise. */
  resetPassword: (account: string, next: string) => call<void>("reset_password", { account, new: next }),
  addAccount: (input: NewAccount) => call<AccountDto>("add_account", { input }),
  accounts: () => call<AccountDto[]>("accounts"),

  // team
  team: (year: Year) => call<TeamMemberDto[]>("team", { year }),
  setTeamRole: (year: Year, account: string, role: Role) =>
    call<TeamMemberDto>("set_team_role", { year, account, role }),
  removeTeamMember: (year: Year, account: string) => call<void>("remove_team_member", { year, account }),
  assignments: (year: Year) => call<AssignmentDto[]>("assignments", { year }),
  assign: (year: Year, indicator: number, who: Assignee) =>
    call<AssignmentDto>("assign", { year, indicator, who, assign: true }),
  unassign: (year: Year, indicator: number, who: Assignee) =>
    call<AssignmentDto>("assign", { year, indicator, who, assign: false }),
  myIndicators: (year: Year) => call<AnswerDto[]>("my_indicators", { year }),

  // review
  review: (year: Year, indicator: number, step: ReviewStep, comment: string | null) =>
    call<AnswerDto>("review", { year, indicator, step, comment }),
  reviewQueue: (year: Year) => call<AnswerDto[]>("review_queue", { year }),
  finalize: (year: Year) => call<AssessmentDto>("finalize", { year }),
  reopen: (year: Year, reason: string) => call<AssessmentDto>("reopen", { year, reason }),
  comments: (year: Year, indicator: number) => call<CommentDto[]>("comments", { year, indicator }),
  addComment: (year: Year, indicator: number, text: string) =>
    call<CommentDto>("add_comment", { year, indicator, text }),

  // audit
  history: (year: Year, indicator: number) => call<AuditEntryDto[]>("history", { year, indicator }),
  verifyAudit: () => call<AuditReport>("verify_audit"),

  // packages
  packageOut: (year: Year, target: PackageTarget, out: string, onProgress?: (p: ProgressDto) => void) =>
    call<PackageDto>("package_out", { year, target, out, onProgress: progressChannel(onProgress) }),
  packageOpen: (file: string) => call<DatabaseDto>("package_open", { file }),
  workingCopy: () => call<WorkingCopyDto | null>("working_copy"),
  packageReturn: (out: string) => call<PackageDto>("package_return", { out }),
  packageMerge: (file: string, dryRun: boolean, take: Take | null, decisions: MergeDecision[]) =>
    call<MergeReport>("package_merge", { file, dryRun, take, decisions }),

  // documents
  exportDocument: (year: Year, kind: DocumentKind, date: string | null, out: string) =>
    call<string>("export_document", { year, kind, date, out }),
  gap: (year: Year, indicator: number) => call<GapDto>("gap", { year, indicator }),
  whatIf: (year: Year, changes: ValueChange[]) => call<IndexDto>("what_if", { year, changes }),
  planToTarget: (year: Year, input: PlanInput) => call<PlanDto>("plan_to_target", { year, input }),
  scenarios: (year: Year) => call<ScenarioDto[]>("scenarios", { year }),
  saveScenario: (year: Year, name: string, changes: ValueChange[]) =>
    call<ScenarioDto>("save_scenario", { year, name, changes }),
  removeScenario: (year: Year, name: string) => call<null>("remove_scenario", { year, name }),
  recommendations: (year: Year, indicator: number | null = null) =>
    call<RecommendationDto[]>("recommendations", { year, indicator }),
  addRecommendation: (year: Year, input: RecommendationInput) =>
    call<RecommendationDto>("add_recommendation", { year, input }),
  indicatorPlans: (year: Year) => call<IndicatorPlanDto[]>("indicator_plans", { year }),
  setIndicatorPlan: (year: Year, input: IndicatorPlanInput) =>
    call<IndicatorPlanDto>("set_indicator_plan", { year, input }),
  updateRecommendation: (year: Year, id: number, input: RecommendationInput) =>
    call<RecommendationDto>("update_recommendation", { year, id, input }),
  exportReport: (year: Year, target: string | null, out: string) =>
    call<string>("export_report", { year, target, out }),
};
