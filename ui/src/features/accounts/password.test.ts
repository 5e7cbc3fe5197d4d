import { describe, expect, it } from "vitest";
import { id } from "../../i18n/id";
import { passwordMessageKey, passwordProblem } from "./password";

describe("the password forms", () => {
  it("change: the current password, then a new one typed twice, different from the current", () => {
    expect(passwordProblem("Baru#Sandi-2026", "Baru#Sandi-2026", "")).toBe("CURRENT");
    expect(passwordProblem("", "", "Lama#Sandi-2026")).toBe("EMPTY");
    expect(passwordProblem("Baru#Sandi-2026", "Baru#Sandi-2025", "Lama#Sandi-2026")).toBe("MISMATCH");
    expect(passwordProblem("Lama#Sandi-2026", "Lama#Sandi-2026", "Lama#Sandi-2026")).toBe("SAME");
    expect(passwordProblem("Baru#Sandi-2026", "Baru#Sandi-2026", "Lama#Sandi-2026")).toBeNull();
  });
  it("reset: no current password asked; the repeat must match exactly (no trimming)", () => {
    expect(passwordProblem("", "")).toBe("EMPTY");
    expect(passwordProblem("Baru#Sandi-2026 ", "Baru#Sandi-2026")).toBe("MISMATCH");
    expect(passwordProblem("Baru#Sandi-2026", "Baru#Sandi-2026")).toBeNull();
  });
  it("every problem and refusal has an Indonesian message", () => {
    for (const code of ["CURRENT", "EMPTY", "MISMATCH", "SAME", "WRONG_CREDENTIALS", "WEAK_PASSWORD", "SUPERVISOR_ONLY"]) {
      expect(passwordMessageKey(code) in id, code).toBe(true);
    }
    expect(passwordMessageKey("WRONG_CREDENTIALS")).toBe("pw.wrongCurrent");
  });
});
