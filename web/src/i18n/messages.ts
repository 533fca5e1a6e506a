/**
 * The interface's words, in English and French. Item content (stems, options, explanations) stays in
 * English, as on the real exam; only the app's own text is translated. `{name}` placeholders are
 * filled by `format`. The French dictionary is typed by the English one, so a missing key fails the
 * type-check.
 */
import { en } from './en.ts';
import { fr } from './fr.ts';

export { en, fr };
export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

export const dictionaries: Record<'en' | 'fr', Messages> = { en, fr };

/** Fills `{name}` placeholders; an unknown placeholder is left visible so a missing value shows. */
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
