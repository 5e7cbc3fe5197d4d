import { describe, expect, it } from "vitest";
import type { AccountDto, AssignmentDto } from "../../ipc/client";
import { unitMembers, viaUnit } from "./team";

const acc = (name: string, unit: string): AccountDto => ({ name, unit, nip: "", is_admin: false });
const toUnit = (indicator: number, name: string): AssignmentDto => ({ indicator, assignee: { kind: "unit", name } });
const toPerson = (indicator: number, name: string): AssignmentDto => ({ indicator, assignee: { kind: "account", name } });

describe("indicators assigned through a unit kerja", () => {
  it("the team screen names the unit's accounts, matched without case, by name", () => {
    const accounts = [acc("Sari Dewi", "Dinas Kominfo"), acc("Budi Santoso", "Bappeda"), acc("Ani", " bappeda "), acc("Citra", "")];
    expect(unitMembers(accounts, "Bappeda")).toEqual(["Ani", "Budi Santoso"]);
    expect(unitMembers(accounts, "Inspektorat")).toEqual([]);
    expect(unitMembers(accounts, " ")).toEqual([]);
  });
  it("'Indikator saya' says through which unit, unless the indicator is also the user's by name", () => {
    const budi = { name: "Budi Santoso", unit: "Bappeda" };
    const all = [toUnit(10, "Bappeda"), toPerson(1, "Budi Santoso"), toUnit(1, "Bappeda"), toUnit(12, "Inspektorat"), toPerson(13, "budi santoso")];
    expect(viaUnit(all, 10, budi)).toBe("Bappeda");
    expect(viaUnit(all, 10, { name: "Budi Santoso", unit: "BAPPEDA" })).toBe("Bappeda");
    expect(viaUnit(all, 1, budi)).toBeNull();
    expect(viaUnit(all, 13, budi)).toBeNull();
    expect(viaUnit(all, 12, budi)).toBeNull();
    expect(viaUnit(all, 10, { name: "Citra", unit: "" })).toBeNull();
  });
});
