import { z } from 'zod';
import {
  adminUserListSchema,
  cohortItemsSchema,
  gradingQueueSchema,
  platformSchema,
  ltiSessionSchema,
  deepLinkRequestSchema,
  deepLinkResponseSchema,
  ltiCourseSchema,
  rosterSyncSchema,
  type RegisterPlatform,
  draftSummarySchema,
  draftViewSchema,
  discussionSchema,
  platformSettingsSchema,
  type PlatformSettings,
  myDisputeSchema,
  noticesSchema,
  disputeQueueSchema,
  resolveResultSchema,
  changelogSchema,
  type ResolveDispute,
  gradingViewSchema,
  projectListSchema,
  projectViewSchema,
  submissionViewSchema,
  type GradeSubmission,
  cohortBoardSchema,
  cohortAssignmentSchema,
  myAssignmentSchema,
  cohortListSchema,
  cohortSummarySchema,
  cohortViewSchema,
  apiErrorSchema,
  attemptSummarySchema,
  attemptViewSchema,
  examSummarySchema,
  itemNoteSchema,
  lessonViewSchema,
  studyPathSchema,
  studyPlanViewSchema,
  examResultViewSchema,
  flashCardViewSchema,
  CARD_RATING_VALUES,
  itemReviewSchema,
  progressSchema,
  saveAckSchema,
  scoreReportSchema,
  sessionSchema,
  userSchema,
  type ItemNote,
  type Preferences,
  type SaveAnswer,
  type StartAttempt,
} from '../../../src/core/api/contracts.ts';
import type { Role } from '../../../src/core/auth/roles.ts';
import type { AssignmentSpec } from '../../../src/core/cohorts/assignment-state.ts';
import type { Locale } from '../i18n/i18n-context.tsx';
import { bearerHeader, hasBearerSession, setBearer } from './bearer-session.ts';
import { errorText } from './error-text.ts';

/** An error answered by the API (`{error:{code,message,details}}`), or a network failure (status 0). */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
  /** Worth retrying: the request may not have reached the server, or the server failed for now. */
  get transient(): boolean {
    return this.status === 0 || this.status >= 500 || this.status === 408 || this.status === 429;
  }
}

let csrfToken = '';

/** The interface language, for the wording of server errors (`errorText`); set by the i18n provider. */
let errorLocale: Locale = 'en';
export function setErrorLocale(locale: Locale): void {
  errorLocale = locale;
}

/**
 * One JSON request. Mutations carry the CSRF token from the last session view; responses are
 * parsed with the shared contract so a server that drifts from it fails loudly, not subtly.
 */
async function request<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown, init: { keepalive?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...bearerHeader() };
  const form = body instanceof FormData;
  if (method !== 'GET') {
    if (!hasBearerSession()) headers['x-csrf-token'] = csrfToken;
    // A form (files) sets its own multipart type with its boundary.
    if (!form) headers['content-type'] = 'application/json';
  }
  const res = await send(path, { method, headers, credentials: 'same-origin', body: method === 'GET' ? undefined : form ? body : JSON.stringify(body ?? {}), keepalive: init.keepalive });
  const json = await readJson(res);
  if (!res.ok) throw refusal(res, json, `${method} ${path}`);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiRequestError(res.status, 'bad-response', `${method} ${path}: unexpected response (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})`);
  }
  return parsed.data;
}

/** A request sent; a network failure (the server not reached) as an `ApiRequestError` of status 0. */
async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, init);
  } catch (err) {
    throw new ApiRequestError(0, 'network', err instanceof Error ? err.message : 'network error');
  }
}

/** The response's JSON body; undefined when empty or not JSON (a proxy's HTML error page, say: reported with its status). */
async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** The error of a refused request: the API's own message in the interface's language, else the HTTP status. */
function refusal(res: Response, json: unknown, what: string): ApiRequestError {
  const parsed = apiErrorSchema.safeParse(json);
  if (!parsed.success) return new ApiRequestError(res.status, 'http', `${what} failed with HTTP ${res.status}`);
  const retry = Number.parseInt(res.headers.get('retry-after') ?? '', 10);
  const message = errorText(errorLocale, parsed.data.error.code, parsed.data.error.message, Number.isFinite(retry) ? retry : null);
  return new ApiRequestError(res.status, parsed.data.error.code, message, parsed.data.error.details);
}

/**
 * A file the API serves (a CSV, a calendar, a project file), fetched with the bearer session: inside a
 * course's frame a plain link would reach the server without a session. The name is the one the server gives.
 */
export async function fetchFile(path: string): Promise<{ blob: Blob; filename: string | null }> {
  const res = await send(path, { headers: bearerHeader(), credentials: 'same-origin' });
  if (!res.ok) throw refusal(res, await readJson(res), `GET ${path}`);
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="([^"]+)"/i.exec(disposition)?.[1];
  return { blob: await res.blob(), filename: name ? decodeURIComponent(name) : null };
}

async function session<T extends { csrfToken: string }>(p: Promise<T>): Promise<T> {
  const view = await p;
  csrfToken = view.csrfToken;
  return view;
}

const enc = encodeURIComponent;

/** The HTTP API, one function per route of src/core/api/contracts.ts. */
export const api = {
  session: () => session(request('GET', '/api/session', sessionSchema)),
  signUp: (body: { email: string; name: string; password: string; locale: 'en' | 'fr'; calibrationConsent: boolean }) => session(request('POST', '/api/auth/signup', sessionSchema, body)),
  signIn: (body: { email: string; password: string }) => session(request('POST', '/api/auth/signin', sessionSchema, body)),
  signOut: () => session(request('POST', '/api/auth/signout', sessionSchema)).finally(() => setBearer('')),
  /** Ends every session of the user, on every device. */
  signOutEverywhere: () => session(request('POST', '/api/auth/signout-all', sessionSchema)),
  changePassword: (current: string, next: string) => request('PUT', '/api/account/password', z.object({ otherSessionsEnded: z.number() }), { current, next }),
  /** Deletes the account (204); the session ends with it. */
  cohorts: () => request('GET', '/api/cohorts', cohortListSchema),
  cohort: (id: string) => request('GET', `/api/cohorts/${enc(id)}`, cohortViewSchema),
  createCohort: (body: { name: string; exam: string; examDate: string | null; accessUntil: string | null }) => request('POST', '/api/cohorts', cohortViewSchema, body),
  joinCohort: (code: string) => request('POST', '/api/cohorts/join', cohortSummarySchema, { code }),
  leaveCohort: (id: string) => request('POST', `/api/cohorts/${enc(id)}/leave`, z.undefined()),
  removeMember: (id: string, userId: string) => request('POST', `/api/cohorts/${enc(id)}/members/${enc(userId)}/remove`, cohortViewSchema),
  addTutor: (id: string, email: string) => request('POST', `/api/cohorts/${enc(id)}/tutors`, cohortViewSchema, { email }),
  newInvite: (id: string) => request('POST', `/api/cohorts/${enc(id)}/invite`, cohortViewSchema),
  myAssignments: (exam: string) => request('GET', `/api/assignments?exam=${enc(exam)}`, z.array(myAssignmentSchema)),
  cohortAssignments: (id: string) => request('GET', `/api/cohorts/${enc(id)}/assignments`, z.array(cohortAssignmentSchema)),
  createAssignment: (id: string, body: { spec: AssignmentSpec; title?: string; dueOn: string | null }) => request('POST', `/api/cohorts/${enc(id)}/assignments`, cohortAssignmentSchema, body),
  deleteAssignment: (id: string, assignmentId: string) => request('POST', `/api/cohorts/${enc(id)}/assignments/${enc(assignmentId)}/delete`, z.undefined()),
  cohortBoard: (id: string) => request('GET', `/api/cohorts/${enc(id)}/board`, cohortBoardSchema),
  cohortItems: (id: string) => request('GET', `/api/cohorts/${enc(id)}/items`, cohortItemsSchema),
  projects: (exam: string) => request('GET', `/api/projects?exam=${enc(exam)}`, projectListSchema),
  project: (id: string, exam: string) => request('GET', `/api/projects/${enc(id)}?exam=${enc(exam)}`, projectViewSchema),
  /** A submission: the fields exam, text and link (repeated) and the files, as multipart/form-data. */
  submitProject: (id: string, form: FormData) => request('POST', `/api/projects/${enc(id)}/submissions`, submissionViewSchema, form),
  /** A submitted file's address (the browser downloads it). */
  projectFileHref: (fileId: string) => `/api/project-files/${enc(fileId)}`,
  gradingQueue: () => request('GET', '/api/project-submissions', gradingQueueSchema),
  gradingView: (id: string) => request('GET', `/api/project-submissions/${enc(id)}`, gradingViewSchema),
  grade: (id: string, body: GradeSubmission) => request('POST', `/api/project-submissions/${enc(id)}/grade`, gradingViewSchema, body),
  dispute: (attemptId: string, position: number, body: { proposed: string[]; reason: string; link: string | null }) => request('POST', `/api/attempts/${enc(attemptId)}/disputes/${position}`, myDisputeSchema, body),
  notices: () => request('GET', '/api/notices', noticesSchema),
  noticesSeen: () => request('POST', '/api/notices/seen', z.undefined()),
  disputeQueue: () => request('GET', '/api/disputes', disputeQueueSchema),
  resolveDispute: (itemId: string, body: ResolveDispute) => request('POST', `/api/disputes/items/${enc(itemId)}/resolve`, resolveResultSchema, body),
  changelog: (exam: string) => request('GET', `/api/exams/${enc(exam)}/changelog`, changelogSchema),
  discussion: (itemId: string) => request('GET', `/api/items/${enc(itemId)}/discussion`, discussionSchema),
  postToDiscussion: (itemId: string, body: string) => request('POST', `/api/items/${enc(itemId)}/discussion`, discussionSchema, { body }),
  hidePost: (itemId: string, postId: string, hidden: boolean) => request('POST', `/api/items/${enc(itemId)}/discussion/${enc(postId)}/hide`, discussionSchema, { hidden }),
  lockDiscussion: (itemId: string, locked: boolean) => request('POST', `/api/items/${enc(itemId)}/discussion/lock`, discussionSchema, { locked }),
  platformSettings: () => request('GET', '/api/admin/settings', platformSettingsSchema),
  setPlatformSettings: (s: PlatformSettings) => request('PUT', '/api/admin/settings', platformSettingsSchema, s),
  drafts: () => request('GET', '/api/authoring/drafts', z.array(draftSummarySchema)),
  startDraft: (body: { itemId: string } | { type: 'single' | 'multiple' | 'ordering' | 'matching'; exam: string }) => request('POST', '/api/authoring/drafts', draftViewSchema, body),
  draft: (id: string) => request('GET', `/api/authoring/drafts/${enc(id)}`, draftViewSchema),
  saveDraft: (id: string, yaml: string) => request('PUT', `/api/authoring/drafts/${enc(id)}`, draftViewSchema, { yaml }),
  submitDraft: (id: string) => request('POST', `/api/authoring/drafts/${enc(id)}/submit`, draftViewSchema),
  reviewDraft: (id: string, approve: boolean, note: string) => request('POST', `/api/authoring/drafts/${enc(id)}/review`, draftViewSchema, { approve, note }),
  /** Exchanges a launch's one-time code for a session held by this tab. */
  ltiSession: async (code: string) => {
    const handed = await request('POST', '/api/lti/session', ltiSessionSchema, { code });
    setBearer(handed.token);
    return handed.landing;
  },
  ltiDeepLinkOptions: (id: string) => request('GET', `/api/lti/deep-links/${enc(id)}`, deepLinkRequestSchema),
  ltiDeepLinkRespond: (id: string, targets: string[], exam?: string) => request('POST', `/api/lti/deep-links/${enc(id)}`, deepLinkResponseSchema, exam ? { targets, exam } : { targets }),
  ltiCourseExam: (cohortId: string, exam: string) => request('POST', `/api/lti/courses/${enc(cohortId)}/exam`, z.undefined(), { exam }),
  cohortLti: (id: string) => request('GET', `/api/cohorts/${enc(id)}/lti`, ltiCourseSchema),
  syncRoster: (id: string) => request('POST', `/api/cohorts/${enc(id)}/lti-roster`, rosterSyncSchema),
  /** A one-time URL a platform opens to register certprep (LTI Dynamic Registration). */
  newLtiRegistration: () => request('POST', '/api/admin/lti/registrations', z.object({ url: z.string(), expiresAt: z.string() })),
  ltiPlatforms: () => request('GET', '/api/admin/lti/platforms', z.array(platformSchema)),
  registerLtiPlatform: (body: RegisterPlatform) => request('POST', '/api/admin/lti/platforms', platformSchema, body),
  removeLtiPlatform: (id: string) => request('POST', `/api/admin/lti/platforms/${enc(id)}/delete`, z.undefined()),
  claimAdmin: (code: string) => request('POST', '/api/admin/claim', userSchema, { code }),
  adminUsers: (query: string, page: number) => request('GET', `/api/admin/users?page=${page}${query ? `&q=${enc(query)}` : ''}`, adminUserListSchema),
  setRoles: (userId: string, roles: Role[]) => request('PUT', `/api/admin/users/${enc(userId)}/roles`, userSchema, { roles }),
  deleteAccount: (confirm: { password: string } | { email: string }, keepAnonymisedAnswers: boolean) => request('POST', '/api/account/delete', z.undefined(), { ...confirm, keepAnonymisedAnswers }),
  /** Stores the signed-in user's interface language. */
  setLocale: (locale: 'en' | 'fr') => session(request('PUT', '/api/session/locale', sessionSchema, { locale })),
  /** The colour theme and the calibration consent, kept with the account. */
  setPreferences: (prefs: Preferences) => session(request('PUT', '/api/session/preferences', sessionSchema, prefs)),
  /** The exam version the user prepares for, and the day they sit it (null: not planned). */
  setExam: (exam: string, examDate: string | null) => session(request('PUT', '/api/session/exam', sessionSchema, { exam, examDate })),
  exams: () => request('GET', '/api/exams', z.array(examSummarySchema)),
  progress: (exam: string) => request('GET', `/api/progress?exam=${enc(exam)}`, progressSchema),
  attempts: (exam?: string) => request('GET', exam ? `/api/attempts?exam=${enc(exam)}` : '/api/attempts', z.array(attemptSummarySchema)),
  startAttempt: (body: StartAttempt) => request('POST', '/api/attempts', attemptViewSchema, body),
  attempt: (id: string) => request('GET', `/api/attempts/${enc(id)}`, attemptViewSchema),
  saveAnswer: (id: string, position: number, body: SaveAnswer) => request('PUT', `/api/attempts/${enc(id)}/answers/${position}`, saveAckSchema, body),
  /** How long each question has been on screen (cumulative); `keepalive` lets it finish as the page closes. */
  questionTime: (id: string, times: { position: number; ms: number }[], keepalive = false) => request('PUT', `/api/attempts/${enc(id)}/time`, z.undefined(), { times }, { keepalive }),
  /** "I was unsure" on a practice answer (before it is checked or the practice finished). */
  markUnsure: (id: string, position: number, unsure: boolean) => request('PUT', `/api/attempts/${enc(id)}/unsure/${position}`, z.object({ unsure: z.boolean() }), { unsure }),
  /** A bookmark and personal note on the question at this position (kept on the question, for every later attempt). */
  saveNote: (id: string, position: number, note: ItemNote) => request('PUT', `/api/attempts/${enc(id)}/notes/${position}`, itemNoteSchema, note),
  /** The study path of an exam: modules with their state, the next step, today's reviews. */
  study: (exam: string) => request('GET', `/api/study?exam=${enc(exam)}`, studyPathSchema),
  lesson: (id: string, exam: string) => request('GET', `/api/lessons/${enc(id)}?exam=${enc(exam)}`, lessonViewSchema),
  /** Time spent reading since the last report; `read` marks the lesson read. */
  lessonReading: (id: string, exam: string, addMs: number, read: boolean, keepalive = false) => request('POST', `/api/lessons/${enc(id)}/reading`, z.undefined(), { exam, addMs, read }, { keepalive }),
  /** The study plan (404 before the candidate makes one). */
  plan: (exam: string) => request('GET', `/api/plan?exam=${enc(exam)}`, studyPlanViewSchema),
  setPlan: (exam: string, examDate: string, hoursPerWeek: number) => request('PUT', '/api/plan', studyPlanViewSchema, { exam, examDate, hoursPerWeek }),
  results: (exam: string) => request('GET', `/api/results?exam=${enc(exam)}`, z.array(examResultViewSchema)),
  recordResult: (body: { exam: string; satOn: string; scaled: number; passed: boolean; domains: Record<string, 'meets' | 'needs-improvement'> }) => request('POST', '/api/results', examResultViewSchema, body),
  dueCards: (exam: string) => request('GET', `/api/cards/due?exam=${enc(exam)}`, z.array(flashCardViewSchema)),
  rateCard: (id: string, exam: string, rating: (typeof CARD_RATING_VALUES)[number]) => request('POST', `/api/cards/${enc(id)}/rating`, z.object({ due: z.string() }), { exam, rating }),
  /** Quick check: the server appends the next most informative item (409 `quick-complete` once done). */
  next: (id: string) => request('POST', `/api/attempts/${enc(id)}/next`, attemptViewSchema),
  /** A timed practice: stop or restart its clock. */
  pause: (id: string) => request('POST', `/api/attempts/${enc(id)}/pause`, attemptViewSchema),
  resume: (id: string) => request('POST', `/api/attempts/${enc(id)}/resume`, attemptViewSchema),
  check: (id: string, position: number) => request('POST', `/api/attempts/${enc(id)}/check/${position}`, itemReviewSchema),
  /** Gives up an open attempt (204, no body). */
  abandon: (id: string) => request('POST', `/api/attempts/${enc(id)}/abandon`, z.undefined()),
  submit: (id: string) => request('POST', `/api/attempts/${enc(id)}/submit`, scoreReportSchema),
  report: (id: string) => request('GET', `/api/attempts/${enc(id)}/report`, scoreReportSchema),
};
