import { z } from 'zod';

/** The contracts of the LTI 1.3 tool's administration. */

/** A platform endpoint: https, or http on this machine (a platform under test). */
const endpoint = z
  .string()
  .trim()
  .max(500)
  .url('is not a web address')
  .refine((u) => u.startsWith('https://') || /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(u), 'must start with https:// (http only for localhost)');

/** POST /api/admin/lti/platforms and `certprep lti register`: a platform as its administrator reads it off the platform's tool settings. */
export const registerPlatformSchema = z.strictObject({
  issuer: endpoint,
  clientId: z.string().trim().min(1).max(255),
  deploymentIds: z.array(z.string().trim().min(1).max(255)).min(1, 'name at least one deployment id').max(50),
  authUrl: endpoint,
  tokenUrl: endpoint,
  jwksUrl: endpoint,
});
export type RegisterPlatform = z.infer<typeof registerPlatformSchema>;
export const platformSchema = registerPlatformSchema.extend({ id: z.string(), registeredAt: z.string() });
export type Platform = z.infer<typeof platformSchema>;

/** POST /api/lti/session: the one-time code of a launch, exchanged for a session the app sends as a bearer header. */
export const ltiHandoffSchema = z.strictObject({ code: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'is not a launch code') });
export const ltiSessionSchema = z.object({
  token: z.string(),
  landing: z.object({ route: z.string(), chooseExam: z.string().optional(), deepLink: z.string().optional() }),
});
export type LtiSession = z.infer<typeof ltiSessionSchema>;

/** What an instructor may place in a course (deep linking), for the course's exam version. */
export const deepLinkOptionSchema = z.object({
  target: z.string(),
  kind: z.enum(['path', 'mock', 'module', 'practice', 'project']),
  title: z.string(),
  titleFr: z.string(),
  /** The grade column's maximum, when the platform gets a grade for it. */
  scoreMaximum: z.number().nullable(),
});
export type DeepLinkOption = z.infer<typeof deepLinkOptionSchema>;
/** A deep-linking request: the course's exam version, whether the instructor may still choose it, and what each version offers. */
export const deepLinkRequestSchema = z.object({ exam: z.string(), chooseExam: z.boolean(), exams: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })), options: z.record(z.string(), z.array(deepLinkOptionSchema)) });
export const deepLinkChoiceSchema = z.strictObject({ targets: z.array(z.string().max(60)).min(1, 'choose at least one activity').max(20), exam: z.string().max(40).optional() });
/** The signed response the app posts to the platform (a form whose field `JWT` holds it). */
export const deepLinkResponseSchema = z.object({ returnUrl: z.string(), jwt: z.string() });

/** POST /api/lti/courses/:id/exam: the instructor's choice of exam version for the course's cohort. */
export const courseExamSchema = z.strictObject({ exam: z.string().min(1).max(40) });

/** The grades sent to a course's gradebook, as its tutors see them. */
export const ltiGradeSchema = z.object({
  member: z.string(),
  activity: z.string(),
  /** Null for a project submitted and awaiting its grader (sent to the gradebook as such, with no score). */
  scoreGiven: z.number().nullable(),
  scoreMaximum: z.number().nullable(),
  status: z.enum(['pending', 'sent', 'failed']),
  tries: z.number().int(),
  error: z.string().nullable(),
  sentAt: z.string().nullable(),
});
export type LtiGrade = z.infer<typeof ltiGradeSchema>;
/** GET /api/cohorts/:id/lti: whether the cohort is a platform's course, whether it shares its roster, and the grades sent back. */
export const ltiCourseSchema = z.object({ course: z.boolean(), rosterService: z.boolean(), grades: z.array(ltiGradeSchema) });
export type LtiCourse = z.infer<typeof ltiCourseSchema>;
export const rosterSyncSchema = z.object({ added: z.number().int(), removed: z.number().int(), members: z.number().int(), tutors: z.number().int() });
export type RosterSync = z.infer<typeof rosterSyncSchema>;
