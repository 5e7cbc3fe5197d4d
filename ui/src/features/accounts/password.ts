// View logic of the password forms (own change in the header, the supervisor's reset in
// the team screen). The rule itself (length, common passwords, the name) is the app
// layer's: WEAK_PASSWORD comes back from the command.

/** What the form says before anything is sent. */
export type PasswordProblem = "CURRENT" | "EMPTY" | "MISMATCH" | "SAME";

/**
 * Why a new password cannot be sent yet, or null. `current` is given by the change form
 * (the user's own password); the reset form has none.
 */
export function passwordProblem(next: string, repeat: string, current?: string): PasswordProblem | null {
  if (current !== undefined && current === "") return "CURRENT";
  if (next === "") return "EMPTY";
  if (next !== repeat) return "MISMATCH";
  if (current !== undefined && next === current) return "SAME";
  return null;
}

/** The dictionary key of a form problem or a refusal (by code, never by message). */
export function passwordMessageKey(code: string): string {
  switch (code) {
    case "CURRENT":
      return "pw.needCurrent";
    case "EMPTY":
      return "pw.needNew";
    case "MISMATCH":
      return "tm.mismatch";
    case "SAME":
      return "pw.same";
    case "WRONG_CREDENTIALS":
      // change_password: only the current password can be wrong (the name is the user's own).
      return "pw.wrongCurrent";
    default:
      return `err.${code}`;
  }
}
