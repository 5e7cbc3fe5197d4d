// The team's entries in the top navigation, by role.
import type { Role } from "../../ipc/client";

export interface NavItem {
  view: "mine" | "review" | "team" | "packages" | "profile";
  key: "nav.mine" | "nav.review" | "nav.team" | "nav.packages" | "nav.profile";
}

/**
 * Single-user mode: review and team (the local user is the supervisor; the team screen
 * creates the first account). Signed in: "my indicators" for members and the operator, the
 * review queue for the supervisor and the Koordinator SPBE (who reads it), the team for
 * the supervisor.
 */
export function teamNav(required: boolean, signedIn: boolean, role: Role | null): NavItem[] {
  const out: NavItem[] = [];
  if (required && signedIn && (role === "member" || role === "operator")) out.push({ view: "mine", key: "nav.mine" });
  if (role === "supervisor" || role === "koordinator") out.push({ view: "review", key: "nav.review" });
  if (role === "supervisor") out.push({ view: "team", key: "nav.team" });
  // Work packages: the supervisor and the operator hand them out (a working copy, where
  // everyone is a member, shows its banner instead).
  if (role === "supervisor" || role === "operator") out.push({ view: "packages", key: "nav.packages" });
  // The instansi profile and a new year: the supervisor's (the app layer enforces it).
  if (role === "supervisor") out.push({ view: "profile", key: "nav.profile" });
  return out;
}
