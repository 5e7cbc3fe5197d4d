// Who is using the window: single-user mode (a database without accounts), or the signed-in
// account with its role in the shown assessment, its team and its assigned indicators.
import { teamIpc, type SignedInDto, type TeamMemberDto } from "../../ipc/team";
import { ui } from "../../state.svelte";
import { roleIn, type Role, type Who } from "../team/roles";

export const session = $state({
  loaded: false,
  /** The database has accounts: every change needs a signed-in user. */
  required: false,
  user: null as SignedInDto | null,
  team: [] as TeamMemberDto[],
  /** Indicator numbers assigned to the signed-in user (directly or through their unit). */
  mine: [] as number[],
});

/** The acting role in the shown assessment. */
export function myRole(): Role | null {
  const u = session.user;
  return roleIn(session.required, u ? { name: u.account.name, isAdmin: u.account.is_admin } : null, session.team);
}

export function finalized(): boolean {
  return ui.db?.assessments.find((a) => a.year === ui.year)?.status === "finalized";
}

export function who(): Who {
  return { role: myRole(), finalized: finalized() };
}

/** Whether the indicator counts as the user's own (single-user mode: every indicator). */
export function isMine(indicator: number): boolean {
  return !session.required || session.mine.includes(indicator);
}

/** (Re)read the session after start, sign-in, a switched database or year. */
export async function loadSession() {
  try {
    session.required = await teamIpc.requiresSignIn();
    session.user = session.required ? await teamIpc.signedIn() : null;
    await loadTeam();
  } catch {
    // No database open (the first screen says why): nothing to sign in to.
    session.required = false;
    session.user = null;
  } finally {
    session.loaded = true;
  }
}

export async function loadTeam() {
  const hasYear = ui.year != null && (ui.db?.assessments.length ?? 0) > 0;
  session.team = hasYear && session.required ? await teamIpc.team(ui.year).catch(() => []) : [];
  session.mine =
    hasYear && session.user ? (await teamIpc.myIndicators(ui.year).catch(() => [])).map((a) => a.indicator) : [];
}

export async function signOut() {
  await teamIpc.signOut();
  session.user = null;
  session.team = [];
  session.mine = [];
}
