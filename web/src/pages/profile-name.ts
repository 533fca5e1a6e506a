import type { I18n } from '../i18n/i18n-context.tsx';

/** A mock profile's name in the interface language; profiles the app does not know keep their own label. */
export function profileName(t: I18n['t'], id: string, label?: string): string {
  return id === 'standard' || id === 'beta' || id === 'short' ? t(`profile_${id}`) : (label ?? id);
}

const NOTES: Record<string, 'profileNote_c02_standard' | 'profileNote_c02_beta'> = {
  'mla-c02/standard': 'profileNote_c02_standard',
  'mla-c02/beta': 'profileNote_c02_beta',
};

/** A profile's note (an unconfirmed duration, our own split) in the interface language; an unknown one keeps the exam file's English. */
export function profileNote(t: I18n['t'], examId: string, profileId: string, note: string | null): string | null {
  if (!note) return null;
  const key = NOTES[`${examId}/${profileId}`];
  return key ? t(key) : note;
}
