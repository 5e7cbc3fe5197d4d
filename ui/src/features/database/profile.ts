// View logic of the instansi profile screen: the kop (letterhead) as the documents print it
// (swanilai-report common::kop), the NIP rule, and the next year to start.
import type { InstansiKind } from "../../ipc/client";

/** The kop's lines: the name in capitals, SEKRETARIAT DAERAH for a pemda, the address. */
export function kopLines(name: string, kind: InstansiKind, address: string): string[] {
  const lines = [name.trim().toUpperCase()];
  if (kind !== "instansi_pusat") lines.push("SEKRETARIAT DAERAH");
  if (address.trim()) lines.push(address.trim());
  return lines;
}

/** A NIP as stored: spaces taken out. Valid when empty or 18 digits. */
export function normalNip(nip: string): string {
  return nip.replace(/\s+/g, "");
}

export function nipOk(nip: string): boolean {
  const n = normalNip(nip);
  return n === "" || /^\d{18}$/.test(n);
}

/** The year a new assessment would most likely be: after the newest, or this year. */
export function nextYear(years: number[], today: Date): number {
  return years.length ? Math.max(...years) + 1 : today.getFullYear();
}
