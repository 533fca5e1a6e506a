/** Why a launch was refused: a stable code, and what to tell the person in their course (English and French). */
const REASONS = {
  'bad-login': ['The course sent an incomplete login request.', "Le cours a envoyé une demande de connexion incomplète."],
  'unknown-platform': ['This course platform is not registered with certprep.', "Cette plateforme de cours n’est pas enregistrée dans certprep."],
  'unknown-deployment': ['This installation of certprep in the course platform is not registered.', "Ce déploiement de certprep dans la plateforme de cours n’est pas enregistré."],
  'bad-state': ['The launch took too long or was already used.', 'Le lancement a pris trop de temps ou a déjà été utilisé.'],
  replayed: ['This launch was already used: launches work once.', 'Ce lancement a déjà servi : un lancement ne sert qu’une fois.'],
  malformed: ['The course sent a launch token that cannot be read.', 'Le cours a envoyé un jeton de lancement illisible.'],
  'bad-signature': ['The launch token is not signed by the course platform.', "Le jeton de lancement n’est pas signé par la plateforme de cours."],
  'unknown-key': ['The launch token is signed with a key the course platform does not publish.', 'Le jeton de lancement est signé avec une clé que la plateforme ne publie pas.'],
  'keys-unavailable': ["The course platform’s keys could not be read.", 'Les clés de la plateforme de cours sont illisibles.'],
  'wrong-issuer': ['The launch token comes from another platform.', "Le jeton de lancement vient d’une autre plateforme."],
  'wrong-audience': ['The launch token is meant for another tool.', 'Le jeton de lancement est destiné à un autre outil.'],
  expired: ['The launch token has expired.', 'Le jeton de lancement a expiré.'],
  'bad-iat': ['The launch token is dated in the future or too long ago.', 'Le jeton de lancement est daté dans le futur ou de trop loin.'],
  'wrong-message-type': ['The course asked certprep for something it does not do.', 'Le cours a demandé à certprep une chose qu’il ne fait pas.'],
  'wrong-version': ['The course platform speaks another version of LTI than 1.3.', 'La plateforme de cours parle une autre version de LTI que 1.3.'],
  'wrong-target': ['The launch points at another site.', 'Le lancement désigne un autre site.'],
  'bad-claims': ['The launch lacks information certprep needs.', 'Il manque au lancement des informations nécessaires à certprep.'],
} as const;
export type LtiErrorCode = keyof typeof REASONS;

export class LtiError extends Error {
  constructor(
    readonly code: LtiErrorCode,
    /** What exactly failed, for the administrator (shown under the reason). */
    readonly detail: string,
    readonly status = 400,
  ) {
    super(`${REASONS[code][0]} (${detail})`);
    this.name = 'LtiError';
  }
}

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Whether the browser asks for French first (the LTI pages are outside the web app and its language switch). */
export const prefersFrench = (acceptLanguage: string | undefined): boolean => /^\s*fr\b/i.test(acceptLanguage ?? '');

/** The page shown in the course’s frame when a launch is refused: no session is opened. */
export function ltiErrorPage(err: LtiError, acceptLanguage: string | undefined): string {
  const fr = prefersFrench(acceptLanguage);
  const [reasonEn, reasonFr] = REASONS[err.code];
  const title = fr ? 'certprep ne peut pas s’ouvrir depuis ce cours' : 'certprep could not open from this course';
  const again = fr ? 'Rouvrez certprep depuis le cours. Si cela se reproduit, signalez-le à l’administrateur de la plateforme avec ce code :' : 'Open certprep from the course again. If this happens again, tell the platform’s administrator, quoting this code:';
  return `<!doctype html><html lang="${fr ? 'fr' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5"><h1 style="font-size:1.4rem">${escapeHtml(title)}</h1><p>${escapeHtml(fr ? reasonFr : reasonEn)}</p><p>${escapeHtml(again)} <code>lti-${escapeHtml(err.code)}</code></p><p style="color:#555"><small>${escapeHtml(err.detail)}</small></p></body></html>`;
}
