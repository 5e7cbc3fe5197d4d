// The typed client of the evaluator team's commands (src-tauri/src/commands/team.rs).
// Same contract as client.ts: every rejection becomes an IpcError with the AppError code.
import { invoke } from "@tauri-apps/api/core";
import { toIpcError, type AnswerDto, type AssessmentDto } from "./client";
import type { AccountDto } from "./bindings/AccountDto";
import type { Assignee } from "./bindings/Assignee";
import type { AssignmentDto } from "./bindings/AssignmentDto";
import type { AuditEntryDto } from "./bindings/AuditEntryDto";
import type { AuditReport } from "./bindings/AuditReport";
import type { CommentDto } from "./bindings/CommentDto";
import type { DocumentKind } from "./bindings/DocumentKind";
import type { NewAccount } from "./bindings/NewAccount";
import type { SignedInDto } from "./bindings/SignedInDto";
import type { TeamMemberDto } from "./bindings/TeamMemberDto";

export type {
  AccountDto, Assignee, AssignmentDto, AuditEntryDto, AuditReport, CommentDto, DocumentKind, NewAccount, SignedInDto,
  TeamMemberDto,
};

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toIpcError(e);
  }
}

type Year = number | null;

export const teamIpc = {
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

  team: (year: Year) => call<TeamMemberDto[]>("team", { year }),
  setTeamRole: (year: Year, account: string, role: string) =>
    call<TeamMemberDto>("set_team_role", { year, account, role }),
  removeTeamMember: (year: Year, account: string) => call<void>("remove_team_member", { year, account }),
  assignments: (year: Year) => call<AssignmentDto[]>("assignments", { year }),
  assign: (year: Year, indicator: number, to: Assignee) => call<AssignmentDto>("assign", { year, indicator, to }),
  unassign: (year: Year, indicator: number, from: Assignee) =>
    call<AssignmentDto>("unassign", { year, indicator, from }),
  myIndicators: (year: Year) => call<AnswerDto[]>("my_indicators", { year }),

  submit: (year: Year, indicator: number, comment: string | null) =>
    call<AnswerDto>("submit", { year, indicator, comment }),
  approve: (year: Year, indicator: number, comment: string | null) =>
    call<AnswerDto>("approve", { year, indicator, comment }),
  returnForRevision: (year: Year, indicator: number, comment: string) =>
    call<AnswerDto>("return_for_revision", { year, indicator, comment }),
  reviewQueue: (year: Year) => call<AnswerDto[]>("review_queue", { year }),
  finalize: (year: Year) => call<AssessmentDto>("finalize", { year }),
  reopen: (year: Year, reason: string) => call<AssessmentDto>("reopen", { year, reason }),

  comments: (year: Year, indicator: number) => call<CommentDto[]>("comments", { year, indicator }),
  addComment: (year: Year, indicator: number, text: string) =>
    call<CommentDto>("add_comment", { year, indicator, text }),
  history: (year: Year, indicator: number) => call<AuditEntryDto[]>("history", { year, indicator }),
  exportDocument: (year: Year, kind: DocumentKind, date: string | null, out: string) =>
    call<string>("export_document", { year, kind, date, out }),
  verifyAudit: () => call<AuditReport>("verify_audit"),
};
