import { countNoun } from '../../../src/core/util/count-noun.ts';
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
  'signed-out': 'Veuillez vous connecter.',
  internal: 'Une erreur est survenue sur le serveur ; cette demande n’a rien modifié.',
  busy: 'La base de données est occupée par un autre programme qui y écrit : rien n’a été modifié, réessayez dans un instant.',
  'session-expired': 'Votre session a expiré : reconnectez-vous. Vos réponses enregistrées sont conservées.',
  'lti-handoff': 'Ce lien de lancement a expiré ou a déjà servi : rouvrez certprep depuis votre cours.',
  locked: 'Cette discussion est verrouillée : plus de nouveaux messages.',
  'answer-first': 'Répondez d’abord à la question : sa discussion s’ouvre ensuite.',
  'already-disputed': 'Vous avez déjà contesté cette question ; un rédacteur vous répondra.',
  'key-not-revealed': 'Une réponse se conteste une fois qu’elle vous a été montrée : vérifiez la question en entraînement, ou envoyez la tentative.',
  'notes-in-mock': 'Un examen blanc en cours ne prend ni favoris ni notes, comme l’examen réel : ajoutez-les depuis son rapport.',
  'no-bookmarks': 'Vous n’avez encore mis aucune question de cet examen en favori.',
  'not-pausable': 'Seul un entraînement chronométré en cours se met en pause ; le chronomètre d’un examen blanc ne s’arrête jamais.',
  'not-paused': 'Cet entraînement n’est pas en pause.',
  'unsure-practice-only': 'Seule une réponse d’entraînement peut être marquée comme incertaine.',
  'no-feedback': 'La correction question par question n’existe qu’en entraînement avec correction immédiate.',
  'not-adaptive': 'Seul le test rapide choisit ses questions une à une.',
  'quick-complete': 'Le test rapide a toutes ses questions : envoyez-le pour obtenir le résultat.',
  'own-draft': 'Un second rédacteur relit un brouillon : vous ne pouvez pas approuver le vôtre.',
  'not-yours': 'Seul son auteur modifie un brouillon.',
  'not-in-review': 'Ce brouillon n’attend pas de relecture.',
  'not-editable': 'Ce brouillon ne peut plus changer : il attend une relecture, ou il a été publié (commencez-en un nouveau pour modifier la question).',
  'draft-invalid': 'Le brouillon ne passe plus la validation (les définitions d’examen ont changé ?) : renvoyez-le en rédaction.',
};

/**
 * The codes whose server message carries details only the server knows (a file's name, a count of the bank,
 * a date, an id, a platform's answer): their English words stay, as they say what and where.
 */
export const SERVER_WORDED = ['bad-request', 'invalid-request', 'too-large', 'too-many', 'quiz-too-small', 'exam-date-passed', 'bank-too-small', 'id-taken', 'draft-exists', 'platform-exists', 'platform-error', 'exam-missing', 'invalid-json'];

/** The codes worded in French here. */
export const FRENCH_WORDED = Object.keys(FRENCH);

/** A wait in French words: seconds under a minute, else whole minutes rounded up. */
function frenchWait(seconds: number): string {
  return seconds < 60 ? countNoun(seconds, 'seconde', 'secondes', 'fr') : countNoun(Math.ceil(seconds / 60), 'minute', 'minutes', 'fr');
}

export function errorText(locale: Locale, code: string, serverMessage: string, retryAfterSeconds: number | null): string {
  if (locale !== 'fr') return serverMessage;
  const text = FRENCH[code];
  if (!text) return serverMessage;
  if (text.includes('{wait}')) return retryAfterSeconds === null ? serverMessage : text.replace('{wait}', frenchWait(retryAfterSeconds));
  return text;
}
