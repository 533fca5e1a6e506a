/**
 * The interface's words, in English and French. Item content (stems, options, explanations) stays in
 * English, as on the real exam; only the app's own text is translated. `{name}` placeholders are
 * filled by `format`. The French dictionary is typed by the English one, so a missing key fails the
 * type-check.
 */
import { takesSingular } from '../../../src/core/util/count-noun.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';

export { en, fr };
export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

export const dictionaries: Record<'en' | 'fr', Messages> = { en, fr };

/**
 * Fills a message's {placeholders}. Numbers are written the language's way when a formatter is given
 * ("4,9" in French, "4.9" in English); strings go in as they are.
 */
export function format(template: string, vars: Record<string, string | number> = {}, number?: Intl.NumberFormat): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in vars)) return whole;
    const v = vars[name];
    return typeof v === 'number' && number ? number.format(v) : String(v);
  });
}

/**
 * The message `key` filled with `vars`, in its singular form (`<key>One`) when the count `{n}` takes one in
 * the language: 1 in English, 0 and 1 in French ("0 carte", "1 carte"). A singular form has the same
 * placeholders as the plural one, so either can be chosen for any count.
 */
export function translate(locale: 'en' | 'fr', key: MessageKey, vars?: Record<string, string | number>, number?: Intl.NumberFormat): string {
  const dict = dictionaries[locale];
  const singular = `${key}One`;
  const n = vars?.n;
  const template = typeof n === 'number' && singular in dict && takesSingular(n, locale) ? dict[singular as MessageKey] : dict[key];
  return format(template, vars, number);
}
