/**
 * A session handed over by an LTI launch, sent as a bearer header: inside a course's frame the browser
 * blocks this site's cookies. Kept for the tab where the browser allows storage (a reload stays signed in).
 */
const LTI_SESSION_KEY = 'certprep.lti-session';
let bearer = readStored();

function readStored(): string {
  try {
    return sessionStorage.getItem(LTI_SESSION_KEY) ?? '';
  } catch {
    return '';
  }
}

export function setBearer(token: string): void {
  bearer = token;
  try {
    if (token) sessionStorage.setItem(LTI_SESSION_KEY, token);
    else sessionStorage.removeItem(LTI_SESSION_KEY);
  } catch {
    // Storage blocked in this frame: the session lasts as long as the page.
  }
}

/** Whether this tab's session is a bearer header (the app inside a course's frame) rather than a cookie. */
export const hasBearerSession = () => bearer !== '';

/** The header that carries the bearer session, if this tab has one. */
export const bearerHeader = (): Record<string, string> => (bearer ? { authorization: `Bearer ${bearer}` } : {});
