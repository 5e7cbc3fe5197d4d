import { describe, expect, it } from "vitest";
import type { AuditEntryDto } from "../../ipc/client";
import { answerChanges, describe as describeEntry, formatTime, historyItems } from "./history";

function entry(seq: number, action: string, entity: string, before: unknown, after: unknown, actor = "Budi"): AuditEntryDto {
  return {
    seq,
    at: "2026-11-23T07:05:00Z",
    actor,
    action,
    year: 2026,
    indicator: 7,
    entity,
    before: JSON.stringify(before),
    after: JSON.stringify(after),
  };
}

const state = (level: number | null, explanation: string, status: string) => ({
  level,
  explanation,
  service_name: null,
  owner: "",
  status,
});

describe("indicator history as readable lines", () => {
  it("spells out a level change, not the JSON", () => {
    const h = describeEntry(entry(3, "answer.set", "answer", state(2, "x", "draft"), state(3, "x", "draft")), "id", "UTC");
    expect(h.what).toBe("Mengubah jawaban");
    expect(h.actor).toBe("Budi");
    expect(h.changes).toEqual([{ field: "Tingkat", before: "Tingkat 2", after: "Tingkat 3" }]);
    for (const c of h.changes) expect(`${c.before}${c.after}`).not.toMatch(/[{}"]/);
  });

  it("shows a first level as coming from nothing, and a cleared one as going to nothing", () => {
    const first = answerChanges("id", null, state(4, "", "draft"));
    expect(first).toEqual([{ field: "Tingkat", before: "—", after: "Tingkat 4" }]);
    const cleared = answerChanges("en", state(4, "", "draft"), state(null, "", "draft"));
    expect(cleared).toEqual([{ field: "Level", before: "Level 4", after: "—" }]);
  });

  it("keeps both versions of a changed explanation, as long text", () => {
    const [c] = answerChanges("id", state(3, "FAKTA: lama", "draft"), state(3, "FAKTA: baru", "draft"));
    expect(c).toEqual({ field: "Penjelasan", before: "FAKTA: lama", after: "FAKTA: baru", long: true });
  });

  it("names the status steps of the review in the chosen language", () => {
    const sub = describeEntry(entry(4, "status.submit", "answer", state(3, "", "draft"), state(3, "", "submitted")), "id");
    expect(sub.what).toBe("Mengajukan untuk ditinjau");
    expect(sub.changes).toEqual([{ field: "Status", before: "Draf", after: "Diajukan" }]);
    const ret = describeEntry(entry(5, "status.return", "answer", state(3, "", "submitted"), state(3, "", "returned")), "en");
    expect(ret.what).toBe("Returned for revision");
    expect(ret.changes).toEqual([{ field: "Status", before: "Submitted", after: "Returned" }]);
  });

  it("a returned indicator edited again shows both the level and the status going back to draft", () => {
    const h = describeEntry(entry(6, "answer.set", "answer", state(3, "", "returned"), state(4, "", "draft")), "id");
    expect(h.changes.map((c) => `${c.field}: ${c.before} → ${c.after}`)).toEqual([
      "Tingkat: Tingkat 3 → Tingkat 4",
      "Status: Dikembalikan → Draf",
    ]);
  });

  it("describes evidence, comments and assignments", () => {
    const ev = describeEntry(entry(7, "evidence.add", "evidence", null, { id: 1, name: "7.a.SK-Tim.pdf", sha256: "ab", size: 3 }), "id");
    expect(ev.what).toBe("Menambah data dukung");
    expect(ev.changes).toEqual([{ field: "Data dukung", before: "—", after: "7.a.SK-Tim.pdf" }]);
    const link = describeEntry(entry(8, "evidence.remove", "evidence", { id: 2, name: "Portal", url: "https://x.go.id" }, null), "id");
    expect(link.changes[0]).toEqual({ field: "Data dukung", before: "Portal (https://x.go.id)", after: "—" });
    const cm = describeEntry(entry(9, "comment.add", "comment", null, { id: 3, body: "Lampirkan SK" }), "id");
    expect(cm.changes).toEqual([{ field: "Komentar", before: "—", after: "Lampirkan SK", long: true }]);
    const as = describeEntry(entry(10, "assignment.add", "assignment", null, { kind: "unit", name: "Bappeda" }), "id");
    expect(as.what).toBe("Menugaskan");
    expect(as.changes).toEqual([{ field: "Penugasan", before: "—", after: "Unit Bappeda" }]);
  });

  it("names the single-user actor and survives unknown actions and broken JSON", () => {
    const h = describeEntry({ ...entry(11, "something.new", "other", null, null, "lokal"), before: "{oops" }, "id");
    expect(h.actor).toBe("pengguna lokal");
    expect(h.what).toBe("something.new");
    expect(h.changes).toEqual([]);
  });

  it("the baseline record lists what was there, not a change from a previous state", () => {
    const h = describeEntry(entry(1, "baseline", "answer", null, state(2, "Ada", "draft"), "lokal"), "id");
    expect(h.what).toBe("Catatan awal");
    expect(h.changes.map((c) => c.field)).toEqual(["Tingkat", "Penjelasan"]);
  });

  it("lists the newest first with readable times", () => {
    const items = historyItems([entry(1, "answer.set", "answer", null, state(1, "", "draft")), entry(2, "status.submit", "answer", state(1, "", "draft"), state(1, "", "submitted"))], "id", "Asia/Jakarta");
    expect(items.map((i) => i.seq)).toEqual([2, 1]);
    expect(items[0].at).toContain("2026");
    expect(items[0].at).toContain("14");
    expect(formatTime("2026-11-23T07:05:00Z", "en", "UTC")).toBe("23 November 2026, 07:05");
    expect(formatTime("not a time", "id")).toBe("not a time");
  });
});
