// Who is using the window: single-user mode (a database without accounts), or the signed-in
// account, its team and its assigned indicators. What they may do is not decided here: the
// app computes it from swanilai-core's policy and ships it as flags (AssessmentDto.can,
// AnswerDto.can, AssessmentDto.my_role), which the screens read.
import { ipc, type AssessmentDto, type Role, type SignedInDto, type TeamMemberDto } from "../../ipc/client";
import { ui } from "../../state.svelte";

export const session = $state({
  loaded: false,
  /** The database has accounts: every change needs a signed-in user. */
  required: false,
  user: null as SignedInDto | null,
  team: [] as TeamMemberDto[],
  /** Indicator numbers assigned to the signed-in user (directly or through their unit). */
  mine: [] as number[],
});

/** The assessment shown (the chosen year), with the signed-in person's role and flags. */
export function current(): AssessmentDto | null {
  return ui.db?.assessments.find((a) => a.year === ui.year) ?? null;
}

/** The acting role in the shown assessment, as the app computed it. */
export function myRole(): Role | null {
  return current()?.my_role ?? null;
}

/** (Re)read the session after start, sign-in, a switched database or year. */
export async function loadSession() {
  try {
    session.required = await ipc.requiresSignIn();
    session.user = session.required ? await ipc.signedIn() : null;
    await loadTeam();
  } catch {
    // No database open (the first screen says why): nothing to sign in to.
    session.required = false;
    session.user = null;
  } finally {
    session.loaded = true;
  }
}

/**
 * The team and the user's indicators, and the assessments' flags again (they depend on who
 * is signed in and on their role). Only `assessments` is replaced, so the window's
 * "database changed" effect does not run again.
 */
export async function loadTeam() {
  const hasYear = ui.year != null && (ui.db?.assessments.length ?? 0) > 0;
  if (ui.db) {
    const fresh = await ipc.databaseSummary().catch(() => null);
    if (fresh && fresh.db_path === ui.db.db_path) ui.db.assessments = fresh.assessments;
  }
  session.team = hasYear && session.required ? await ipc.team(ui.year).catch(() => []) : [];
  session.mine =
    hasYear && session.user ? (await ipc.myIndicators(ui.year).catch(() => [])).map((a) => a.indicator) : [];
}

export async function signOut() {
  await ipc.signOut();
  session.user = null;
  session.team = [];
  session.mine = [];
  await loadTeam();
}
