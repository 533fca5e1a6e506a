import type { enDiscussions } from './en-discussions.ts';

/** The interface in French: the discussion under each question (spread into `fr.ts`). */
export const frDiscussions: Record<keyof typeof enDiscussions, string> = {
  discussionOpen: 'Discussion',
  discussionCount: 'Discussion ({n})',
  discussionEmptyCohort: 'Aucun message de vos promotions pour l’instant.',
  discussionEmptyGlobal: 'Aucun message pour l’instant.',
  discussionHidden: 'masqué par un modérateur',
  discussionHide: 'Masquer',
  discussionShow: 'Afficher à nouveau',
  discussionLock: 'Verrouiller la discussion',
  discussionUnlock: 'Déverrouiller la discussion',
  discussionYourPost: 'Votre message (texte seul)',
  discussionPost: 'Publier',
  discussionLocked: 'Cette discussion est verrouillée.',
  settingsTitle: 'Réglages de la plateforme',
  settingsDiscussionScope: 'Qui lit les messages des autres sous une question',
  settingsScopeCohort: 'Les candidats des mêmes promotions, et leurs tuteurs',
  settingsScopeGlobal: 'Tous ceux qui ont répondu à la question',
  settingsSaved: 'Réglages enregistrés.',
};
