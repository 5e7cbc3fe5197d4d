// The i18n dictionary lookup. Bahasa Indonesia by default; the language is a rune so every
// label re-renders when it changes.
import { en } from "./en";
import { id, type Key } from "./id";

export type Lang = "id" | "en";
const dictionaries: Record<Lang, Record<Key, string>> = { id, en };

export const i18n = $state({ lang: "id" as Lang });

/** Fill `{name}` placeholders. */
export function format(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function translate(lang: Lang, key: Key, params?: Record<string, string | number>): string {
  return format(dictionaries[lang][key] ?? dictionaries.id[key] ?? key, params);
}

export function t(key: Key, params?: Record<string, string | number>): string {
  return translate(i18n.lang, key, params);
}

/** A label looked up by a key built at run time (error codes, statuses), with a fallback. */
export function tDynamic(key: string, fallback: Key, params?: Record<string, string | number>): string {
  const dict = dictionaries[i18n.lang] as Record<string, string>;
  return key in dict ? format(dict[key], params) : t(fallback, params);
}
