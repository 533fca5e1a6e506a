import type { Locale } from '../i18n/i18n-context.tsx';

/**
 * The server words its errors in English; in French the app shows its own wording of each known error
 * code (`{wait}` from the Retry-After header). An unknown code, or a message with details only the
 * server knows (an invalid field), keeps the server's words, which still say what and where.
 */
const FRENCH: Record<string, string> = {
  'bad-credentials': 'E-mail ou mot de passe incorrect.',
  'email-taken': 'Un compte existe déjà avec cet e-mail : connectez-vous.',
  'registration-closed': 'Les inscriptions sont fermées sur ce serveur : demandez un compte à son administrateur ou à votre organisme de formation.',
  csrf: 'Jeton de sécurité manquant ou incorrect : rechargez la page et réessayez.',
  'wrong-password': 'Le mot de passe est incorrect.',
  'wrong-confirmation': 'L’adresse saisie n’est pas celle du compte : le compte n’a pas été supprimé.',
  'rate-limited': 'Trop de demandes : réessayez dans {wait}.',
  'too-many-open': 'Vous avez trop de tentatives en cours : terminez-en ou envoyez-en avant d’en commencer une autre.',
  'attempt-submitted': 'Cette tentative a été envoyée : les réponses ne peuvent plus changer.',
  'attempt-closed': 'Seule une tentative en cours peut être abandonnée.',
  abandoned: 'Cette tentative a été abandonnée : elle n’a pas de rapport.',
  'not-submitted': 'Le rapport est disponible une fois la tentative envoyée.',
  'nothing-due': 'Aucune question n’est encore à réviser.',
  'no-items': 'Aucune question ne correspond à ce choix.',
  checked: 'Cette question a été vérifiée et ne peut plus changer.',
  stale: 'Cette réponse a été modifiée dans un autre onglet ou une autre fenêtre ; la dernière réponse est affichée.',
  'deadline-passed': 'Le temps est écoulé : cette réponse n’a pas été enregistrée.',
  'cohort-closed': 'L’accès à cette promotion est terminé : demandez à votre tuteur.',
  'last-admin': 'Vous êtes le seul administrateur : donnez d’abord le rôle d’administrateur à un autre compte.',
  'admin-exists': 'Ce serveur a déjà un administrateur : demandez-lui un rôle.',
  role: 'Cette page demande un rôle que votre compte n’a pas.',
  'not-found': 'Introuvable : la page ou l’élément demandé n’existe pas ou n’est pas à vous.',
};

/** A wait in French words: seconds under a minute, else whole minutes rounded up; 0 and 1 are singular. */
function frenchWait(seconds: number): string {
  const [n, unit] = seconds < 60 ? [seconds, 'seconde'] : [Math.ceil(seconds / 60), 'minute'];
  return `${n} ${unit}${n < 2 ? '' : 's'}`;
}

export function errorText(locale: Locale, code: string, serverMessage: string, retryAfterSeconds: number | null): string {
  if (locale !== 'fr') return serverMessage;
  const text = FRENCH[code];
  if (!text) return serverMessage;
  if (text.includes('{wait}')) return retryAfterSeconds === null ? serverMessage : text.replace('{wait}', frenchWait(retryAfterSeconds));
  return text;
}
