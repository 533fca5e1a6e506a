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
export function format(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
