// Which buttons a role sees. A mirror of swanilai-core's workflow policy, for hiding and
// disabling only: the app layer checks every action again and its refusal is shown.
import type { TeamMemberDto } from "../../ipc/team";

export type Role = "koordinator" | "supervisor" | "operator" | "member";
export const ROLES: Role[] = ["koordinator", "supervisor", "operator", "member"];
export type Status = "draft" | "submitted" | "approved" | "returned";

export interface Who {
  /** The acting role in the shown assessment (null: not in its team). */
  role: Role | null;
  finalized: boolean;
}

export function asRole(s: string | null | undefined): Role | null {
  return ROLES.includes(s as Role) ? (s as Role) : null;
}

/**
 * The acting role in one assessment: single-user mode acts as supervisor; otherwise the
 * account's role in that assessment's team, or supervisor for the instansi's admin account.
 */
export function roleIn(
  required: boolean,
  user: { name: string; isAdmin: boolean } | null,
  team: TeamMemberDto[],
): Role | null {
  if (!required) return "supervisor";
  if (!user) return null;
  const me = team.find((m) => m.name.toLowerCase() === user.name.toLowerCase());
  return asRole(me?.role) ?? (user.isAdmin ? "supervisor" : null);
}

/** Edit and submit: the operator and the supervisor any indicator, a member only their own. */
export function canSubmit(w: Who, status: string, assigned: boolean): boolean {
  if (w.finalized || !w.role || w.role === "koordinator") return false;
  if (w.role === "member" && !assigned) return false;
  return status === "draft" || status === "returned";
}

export function canApprove(w: Who, status: string): boolean {
  return !w.finalized && w.role === "supervisor" && status === "submitted";
}

export function canReturn(w: Who, status: string): boolean {
  return !w.finalized && w.role === "supervisor" && (status === "submitted" || status === "approved");
}

export function canComment(w: Who): boolean {
  return !w.finalized && w.role != null;
}

export function canManage(w: Who): boolean {
  return !w.finalized && w.role === "supervisor";
}

export function canFinalize(w: Who): boolean {
  return !w.finalized && w.role === "supervisor";
}

export function canReopen(w: Who): boolean {
  return w.finalized && w.role === "supervisor";
}

/** Why the answer cannot be changed by this user now (an i18n key), or null when it can. */
export function lockReason(
  w: Who,
  status: string,
  assigned: boolean,
): "lock.final" | "lock.koordinator" | "lock.noRole" | "lock.notAssigned" | "lock.submitted" | "lock.approved" | null {
  if (w.finalized) return "lock.final";
  if (w.role == null) return "lock.noRole";
  if (w.role === "koordinator") return "lock.koordinator";
  if (w.role === "member" && !assigned) return "lock.notAssigned";
  if (status === "submitted") return "lock.submitted";
  if (status === "approved") return "lock.approved";
  return null;
}

/** Indicators not yet approved, which keep the assessment from being finalized. */
export function pendingForFinal(answers: { indicator: number; status: string }[]): number[] {
  return answers.filter((a) => a.status !== "approved").map((a) => a.indicator);
}
