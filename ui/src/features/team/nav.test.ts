import { describe, expect, it } from "vitest";
import { filterBoard, groupBoard } from "../../lib/board";
import { answer, info } from "../../lib/fixtures";
import { LOCK_KEY } from "../review/lock";
import { teamNav } from "./nav";
import { pendingForFinal } from "./roles";
import { assigneesOf, unitsOf } from "./team";

// Who may do what is swanilai-core's policy, tested in Rust and shipped as flags; the
// window only navigates by role and says the app's reasons.
describe("navigation and reasons", () => {
  it("navigation: review for supervisor and koordinator, team for the supervisor, mine when signed in", () => {
    expect(teamNav(false, false, "supervisor").map((n) => n.view)).toEqual(["review", "team", "packages", "profile"]);
    expect(teamNav(true, true, "member").map((n) => n.view)).toEqual(["mine"]);
    expect(teamNav(true, true, "koordinator").map((n) => n.view)).toEqual(["review"]);
    expect(teamNav(true, true, "supervisor").map((n) => n.view)).toEqual(["review", "team", "packages", "profile"]);
    expect(teamNav(true, true, "operator").map((n) => n.view)).toEqual(["mine", "packages"]);
    expect(teamNav(true, true, null)).toEqual([]);
  });

  it("finalizing waits for the indicators not yet approved", () => {
    expect(pendingForFinal([{ indicator: 1, status: "approved" }, { indicator: 2, status: "submitted" }])).toEqual([2]);
  });
  it("every reason for a lock the app can give has its own message", () => {
    expect(Object.keys(LOCK_KEY).sort()).toEqual(["approved", "finalized", "koordinator", "no_role", "not_assigned", "submitted"]);
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
