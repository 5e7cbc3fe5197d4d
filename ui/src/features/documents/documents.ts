// View logic of the printable documents' date (Berita Acara, Pernyataan Persetujuan Publikasi).

/** A day in the local calendar as yyyy-mm-dd, the value an <input type=date> holds. */
export function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * The date sent with a document: the field's value when it is a real day, else null (an
 * emptied field: the app layer dates the document today).
 */
export function documentDate(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(y, mo - 1, d);
  return day.getFullYear() === y && day.getMonth() === mo - 1 && day.getDate() === d ? m[0] : null;
}
