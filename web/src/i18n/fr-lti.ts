import type { enLti } from './en-lti.ts';

/** The interface in French: the LTI 1.3 tool's administration (spread into `fr.ts`). */
export const frLti: Record<keyof typeof enLti, string> = {
  ltiTitle: 'Plateformes LTI 1.3',
  ltiIntro: 'Les plateformes (un site Moodle, par exemple) dont les cours peuvent lancer certprep. Donnez à la plateforme les clés publiques de cet outil : {jwks}.',
  ltiNone: 'Aucune plateforme enregistrée pour l’instant.',
  ltiPlatformLine: 'identifiant client {client} · déploiements {deployments}',
  ltiRemove: 'Retirer',
  ltiRemoveConfirm: 'Retirer {issuer} ? Ses cours ne pourront plus lancer certprep.',
  ltiRemoved: '{issuer} a été retirée.',
  ltiRegister: 'Enregistrer une plateforme',
  ltiRegisterButton: 'Enregistrer',
  ltiRegistered: '{issuer} est enregistrée.',
  lti_issuer: 'Identifiant de la plateforme (issuer)',
  lti_clientId: 'Identifiant client',
  lti_deploymentIds: 'Identifiants de déploiement (séparés par des virgules)',
  lti_authUrl: 'URL de demande d’authentification',
  lti_tokenUrl: 'URL du jeton d’accès',
  lti_jwksUrl: 'URL du jeu de clés publiques',
};
