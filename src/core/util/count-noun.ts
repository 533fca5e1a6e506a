const pluralRules = { en: new Intl.PluralRules('en'), fr: new Intl.PluralRules('fr') };

/** Whether a count takes the singular in the language: 1 in English; 0 and 1 in French. */
export const takesSingular = (n: number, locale: 'en' | 'fr') => pluralRules[locale].select(n) === 'one';

/**
 * A count and its noun, singular where the language says so: "1 minute", "0 minutes" in English;
 * "0 seconde", "1 seconde", "2 secondes" in French (which counts 0 as singular).
 */
export function countNoun(n: number, singular: string, plural = `${singular}s`, locale: 'en' | 'fr' = 'en'): string {
  return `${n} ${takesSingular(n, locale) ? singular : plural}`;
}
