import { describe, expect, it } from "vitest";
import { dateTime, longDate, parseDay, shortDate } from "./dates";

describe("dates", () => {
  it("writes a day in full and short, day first, in both languages", () => {
    expect(longDate("2026-11-29", "id")).toBe("29 November 2026");
    expect(longDate("2026-08-07", "id")).toBe("7 Agustus 2026");
    expect(longDate("2026-08-07", "en")).toBe("7 August 2026");
    expect(shortDate("2026-11-29")).toBe("29/11/2026");
    expect(longDate("2026-02-30", "id")).toBe("2026-02-30");
    expect(shortDate("")).toBe("");
  });

  it("reads a typed date day first, whatever separator, and refuses what is not a day", () => {
    expect(parseDay("29/11/2026")).toBe("2026-11-29");
    expect(parseDay("1-2-2026")).toBe("2026-02-01");
    expect(parseDay(" 29.11.2026 ")).toBe("2026-11-29");
    expect(parseDay("2026-11-29")).toBe("2026-11-29");
    expect(parseDay("11/29/2026")).toBeNull(); // the US order is not a day here: month 29
    expect(parseDay("31/04/2026")).toBeNull();
    expect(parseDay("29 Feb 2026")).toBeNull();
    expect(parseDay("")).toBe("");
  });

  it("writes a moment with its time, the Indonesian way with a dot", () => {
    expect(dateTime("2026-11-29T11:09:00Z", "id", "Asia/Jakarta")).toBe("29 November 2026, 18.09");
    expect(dateTime("2026-11-29T11:09:00Z", "en", "UTC")).toBe("29 November 2026, 11:09");
    expect(dateTime("not a time", "id")).toBe("not a time");
  });
});
