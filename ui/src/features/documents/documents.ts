// View logic of the printable documents' date (Berita Acara, Pernyataan Persetujuan Publikasi).
import { parseDay } from "../../lib/dates";

export { isoDay as isoDate } from "../../lib/dates";

/**
 * The date sent with a document: the field's day (yyyy-mm-dd) when it is a real day, else
 * null (an emptied field: the app layer dates the document today).
 */
export function documentDate(value: string): string | null {
  return parseDay(value) || null;
}
