import type { I18n } from '../i18n/i18n-context.tsx';

/** A mock profile's name in the interface language; profiles the app does not know keep their own label. */
export function profileName(t: I18n['t'], id: string, label?: string): string {
  return id === 'standard' || id === 'beta' || id === 'short' ? t(`profile_${id}`) : (label ?? id);
}
