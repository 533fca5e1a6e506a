const pluralRules = { en: new Intl.PluralRules('en'), fr: new Intl.PluralRules('fr') };

/**
 * A count and its noun, singular where the language says so: "1 minute", "0 minutes" in English;
 * "0 seconde", "1 seconde", "2 secondes" in French (which counts 0 as singular).
 */
export function countNoun(n: number, singular: string, plural = `${singular}s`, locale: 'en' | 'fr' = 'en'): string {
  return `${n} ${pluralRules[locale].select(n) === 'one' ? singular : plural}`;
}
