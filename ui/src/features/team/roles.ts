// The roles in the order the team screen offers them. Who may do what is not decided in
// the window: the app ships the policy's answers as flags (see signin/session.svelte.ts).
import type { Role } from "../../ipc/client";

export const ROLES: Role[] = ["koordinator", "supervisor", "operator", "member"];

/** Indicators not yet approved, which keep the assessment from being finalized. */
export function pendingForFinal(answers: { indicator: number; status: string }[]): number[] {
  return answers.filter((a) => a.status !== "approved").map((a) => a.indicator);
}
