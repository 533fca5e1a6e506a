/** A moment (ISO timestamp) as a reader of the language writes it: "3 Dec 2026, 14:05" / "3 déc. 2026, 14:05". */
export function formatMoment(iso: string, locale: 'en' | 'fr'): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
