import { describe, expect, it } from "vitest";
import { documentDate, isoDate } from "./documents";

describe("the documents' date", () => {
  it("defaults to today in the local calendar, as yyyy-mm-dd", () => {
    expect(isoDate(new Date(2026, 10, 20, 23, 59))).toBe("2026-11-20");
    expect(isoDate(new Date(2027, 0, 5, 0, 1))).toBe("2027-01-05");
  });
  it("sends a real day, and nothing (today) for an emptied or impossible field", () => {
    expect(documentDate("2026-11-20")).toBe("2026-11-20");
    expect(documentDate("")).toBeNull();
    expect(documentDate("2026-02-30")).toBeNull();
    expect(documentDate("20-11-2026")).toBe("2026-11-20"); // typed day first
    expect(documentDate("11/20/2026")).toBeNull(); // the US order is no day

  });
});
