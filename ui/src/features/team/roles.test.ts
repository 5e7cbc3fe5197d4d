import { describe, expect, it } from "vitest";
import type { TeamMemberDto } from "../../ipc/team";
import { filterBoard, groupBoard } from "../../lib/board";
import { answer, info } from "../../lib/fixtures";
import { teamNav } from "./nav";
import { canApprove, canComment, canFinalize, canReopen, canReturn, canSubmit, pendingForFinal, roleIn } from "./roles";
import { assigneesOf, unitsOf } from "./team";

const member = (name: string, role: string): TeamMemberDto => ({ name, nip: "", unit: "", role, role_title: "" });

describe("the acting role", () => {
  it("is the supervisor in single-user mode, nobody when signed out", () => {
    expect(roleIn(false, null, [])).toBe("supervisor");
    expect(roleIn(true, null, [member("Ani", "member")])).toBeNull();
  });
  it("is the role in the assessment's team (names without case), or supervisor for the admin account", () => {
    const team = [member("Ani", "member"), member("Budi", "operator")];
    expect(roleIn(true, { name: "ani", isAdmin: false }, team)).toBe("member");
    expect(roleIn(true, { name: "Citra", isAdmin: true }, team)).toBe("supervisor");
    expect(roleIn(true, { name: "Dodi", isAdmin: false }, team)).toBeNull();
  });
});

describe("which buttons a role sees (the app layer decides again)", () => {
  const open = (role: "koordinator" | "supervisor" | "operator" | "member" | null) => ({ role, finalized: false });
  it("submit: member only when assigned, operator and supervisor always, koordinator never", () => {
    expect(canSubmit(open("member"), "draft", true)).toBe(true);
    expect(canSubmit(open("member"), "draft", false)).toBe(false);
    expect(canSubmit(open("operator"), "returned", false)).toBe(true);
    expect(canSubmit(open("koordinator"), "draft", true)).toBe(false);
    expect(canSubmit(open("operator"), "submitted", true)).toBe(false);
    expect(canSubmit({ role: "supervisor", finalized: true }, "draft", true)).toBe(false);
  });
  it("approve and return: only the supervisor, from the right status", () => {
    expect(canApprove(open("supervisor"), "submitted")).toBe(true);
    expect(canApprove(open("operator"), "submitted")).toBe(false);
    expect(canApprove(open("supervisor"), "approved")).toBe(false);
    expect(canReturn(open("supervisor"), "approved")).toBe(true);
    expect(canReturn(open("supervisor"), "draft")).toBe(false);
  });
  it("finalize and reopen by the supervisor; comments by anyone in the team while open", () => {
    expect(canFinalize(open("supervisor"))).toBe(true);
    expect(canFinalize(open("operator"))).toBe(false);
    expect(canReopen({ role: "supervisor", finalized: true })).toBe(true);
    expect(canReopen(open("supervisor"))).toBe(false);
    expect(canComment(open("koordinator"))).toBe(true);
    expect(canComment(open(null))).toBe(false);
    expect(canComment({ role: "member", finalized: true })).toBe(false);
    expect(pendingForFinal([{ indicator: 1, status: "approved" }, { indicator: 2, status: "submitted" }])).toEqual([2]);
  });
  it("navigation: review for supervisor and koordinator, team for the supervisor, mine when signed in", () => {
    expect(teamNav(false, false, "supervisor").map((n) => n.view)).toEqual(["review", "team"]);
    expect(teamNav(true, true, "member").map((n) => n.view)).toEqual(["mine"]);
    expect(teamNav(true, true, "koordinator").map((n) => n.view)).toEqual(["review"]);
    expect(teamNav(true, true, "supervisor").map((n) => n.view)).toEqual(["review", "team"]);
    expect(teamNav(true, true, "operator").map((n) => n.view)).toEqual(["mine"]);
    expect(teamNav(true, true, null)).toEqual([]);
  });
});

describe("team screen and board helpers", () => {
  it("lists assignees people first, and the distinct units", () => {
    const all = [
      { indicator: 7, assignee: { kind: "unit" as const, name: "Bappeda" } },
      { indicator: 7, assignee: { kind: "account" as const, name: "Budi" } },
      { indicator: 8, assignee: { kind: "account" as const, name: "Ani" } },
    ];
    expect(assigneesOf(all, 7).map((a) => a.name)).toEqual(["Budi", "Bappeda"]);
    const acc = (name: string, unit: string) => ({ name, unit, nip: "", is_admin: false });
    expect(unitsOf([acc("A", "Kominfo"), acc("B", " kominfo "), acc("C", ""), acc("D", "Bappeda")])).toEqual(["Bappeda", "Kominfo"]);
  });
  it("the board's 'mine' filter keeps the user's indicators only", () => {
    const groups = groupBoard([info(1, 1, 1), info(2, 1, 1), info(3, 2, 1)], [answer(1, { level: 3 }), answer(2), answer(3, { level: 2 })]);
    const rows = filterBoard(groups, "mine", "", new Set([2, 3])).flatMap((d) => d.aspects.flatMap((a) => a.rows.map((r) => r.info.number)));
    expect(rows).toEqual([2, 3]);
    expect(filterBoard(groups, "mine", "", undefined)).toEqual([]);
  });
});

describe("short indicator names for narrow lists", () => {
  it("drops the common 'Tingkat Kematangan' start", async () => {
    const { shortName } = await import("./team");
    expect(shortName("Tingkat Kematangan Kebijakan Internal Audit TIK")).toBe("Kebijakan Internal Audit TIK");
    expect(shortName("Tingkat Kematangan")).toBe("Tingkat Kematangan");
    expect(shortName("Layanan Publik")).toBe("Layanan Publik");
  });
});

describe("why an answer is locked, said before the user tries", () => {
  it("names the reason, most important first", async () => {
    const { lockReason } = await import("./roles");
    expect(lockReason({ role: "supervisor", finalized: true }, "approved", true)).toBe("lock.final");
    expect(lockReason({ role: "koordinator", finalized: false }, "draft", true)).toBe("lock.koordinator");
    expect(lockReason({ role: "member", finalized: false }, "draft", false)).toBe("lock.notAssigned");
    expect(lockReason({ role: "operator", finalized: false }, "submitted", false)).toBe("lock.submitted");
    expect(lockReason({ role: "member", finalized: false }, "approved", true)).toBe("lock.approved");
    expect(lockReason({ role: "member", finalized: false }, "returned", true)).toBeNull();
    expect(lockReason({ role: null, finalized: false }, "draft", true)).toBe("lock.noRole");
  });
});

describe("the audit check's findings", () => {
  it("names the indicators changed outside the app", async () => {
    const { tamperedIndicators } = await import("./team");
    expect(
      tamperedIndicators([
        "the 2026 answer of indicator 40 differs from what the audit log last recorded (changed outside Swanilai)",
        "the 2025 answer of indicator 7 has no audit record (written outside Swanilai)",
        "the 2026 answer of indicator 40 differs from what the audit log last recorded",
      ]),
    ).toEqual([40, 7]);
    expect(tamperedIndicators(["something else"])).toEqual([]);
  });
});
