import { describe, expect, it } from "vitest";
import { brief, compareStates, size, when } from "./backups";
import type { BackupDbStateDto } from "../ipc/bindings/BackupDbStateDto";

const year = (year: number, answered: number, index_text: string | null) => ({
  year, answered, total: 47, index_text, rating: null, finalized: false,
});
const state = (...assessments: ReturnType<typeof year>[]): BackupDbStateDto => ({
  instansi: "Kab. Uji", assessments, audit_entries: 3, audit_head: "3-abc",
});

describe("restore preview", () => {
  it("sets each year of the backup against now, newest first, and marks what differs", () => {
    const rows = compareStates(state(year(2026, 40, "2,50"), year(2025, 47, "3,10")), state(year(2026, 46, "2,77"), year(2025, 47, "3,10"), year(2027, 0, null)));
    expect(rows.map((r) => [r.year, r.differs])).toEqual([[2027, true], [2026, true], [2025, false]]);
    expect(rows[0].then).toBeNull();
    expect(brief(rows[1].then)).toBe("40/47 · 2,50");
    expect(brief(rows[0].now)).toBe("0/47");
    expect(brief(null)).toBe("–");
  });

  it("says sizes and times for people", () => {
    expect(size(920 * 1024)).toBe("920 KiB");
    expect(size(1.5 * 1024 * 1024)).toBe("1,5 MiB");
    expect(when("", "kab-lama")).toBe("kab-lama");
    expect(when("2026-11-30T01:02:03Z", "x")).toMatch(/^\d\d-\d\d-2026 \d\d\.\d\d$/);
  });
});
