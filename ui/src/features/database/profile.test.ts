import { describe, expect, it } from "vitest";
import { kopLines, nextYear, nipOk, normalNip } from "./profile";

describe("the instansi profile", () => {
  it("shows the kop as the documents print it", () => {
    expect(kopLines(" Pemerintah Kabupaten Sukamaju ", "kabupaten", "Jl. Merdeka 1")).toEqual([
      "PEMERINTAH KABUPATEN SUKAMAJU", "SEKRETARIAT DAERAH", "Jl. Merdeka 1",
    ]);
    expect(kopLines("Kementerian Contoh", "instansi_pusat", " ")).toEqual(["KEMENTERIAN CONTOH"]);
  });

  it("takes a NIP of 18 digits, with or without spaces, or none", () => {
    expect(normalNip("19680512 199403 1 005")).toBe("196805121994031005");
    expect(nipOk("19680512 199403 1 005")).toBe(true);
    expect(nipOk("")).toBe(true);
    expect(nipOk("1968-05")).toBe(false);
    expect(nipOk("1968051219940310051")).toBe(false);
  });

  it("proposes the year after the newest assessment", () => {
    expect(nextYear([2025, 2026], new Date(2026, 10, 29))).toBe(2027);
    expect(nextYear([], new Date(2026, 10, 29))).toBe(2026);
  });
});
