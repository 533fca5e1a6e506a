import { z } from 'zod';
import { ROLES } from '../../auth/roles.ts';
import { passwordProblem } from '../../auth/password-policy.ts';
import { isoDay } from './common.ts';

/** Accounts, sessions and the user's choices: sign-up and sign-in, password, deletion, exam, theme, roles. */
/** Control and format characters (bidirectional overrides, zero-width marks): they disguise a name on screens. */
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}]/u;
export const signUpSchema = z
  .strictObject({
    email: z.string().trim().toLowerCase().email('enter a valid email address').max(254),
    name: z.string().trim().min(1, 'enter your name').max(100).refine((n) => !CONTROL_OR_FORMAT.test(n), 'must not contain control or formatting characters'),
    password: z.string().min(10, 'use at least 10 characters').max(200),
    locale: z.enum(['en', 'fr']).default('en'),
    /** Agreement to keep responses, anonymised, for calibration if the account is deleted (unticked by default). */
    calibrationConsent: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, { email: v.email, name: v.name });
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });
/** PUT /api/account/password: the current password, and the new one (the password policy applies, with the user's email and name). */
export const changePasswordSchema = z.strictObject({
  current: z.string().max(200),
  next: z.string().min(10, 'use at least 10 characters').max(200),
});
/**
 * POST /api/account/delete: the password again (an account without one, made by a course platform, gives its
 * email instead), and whether the answers may stay, anonymised, to calibrate the questions.
 */
export const deleteAccountSchema = z.strictObject({
  password: z.string().max(200).default(''),
  email: z.string().max(254).optional(),
  keepAnonymisedAnswers: z.boolean().default(false),
});
export const signInSchema = z.strictObject({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(200),
});
export const localeSchema = z.strictObject({ locale: z.enum(['en', 'fr']) });
/** PUT /api/session/exam: the exam version the user prepares for, and the day they sit it (null: not planned yet). */
export const examChoiceSchema = z.strictObject({ exam: z.string().min(1).max(40), examDate: isoDay.nullable().default(null) });
export type ExamChoice = z.infer<typeof examChoiceSchema>;
/** The colour themes: the system's light or dark, or one chosen; `contrast` is high contrast. */
export const THEMES = ['system', 'light', 'dark', 'contrast'] as const;
export type Theme = (typeof THEMES)[number];
export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  locale: z.enum(['en', 'fr']),
  /** The exam version the user prepares for; null until they choose (the app asks at first sign-in). */
  exam: z.string().nullable(),
  examDate: z.string().nullable(),
  theme: z.enum(THEMES),
  /** Responses may be kept, anonymised, for calibration when the account is deleted. */
  calibrationConsent: z.boolean(),
  /** Roles beyond candidate (everyone is one): tutor, author, admin. */
  roles: z.array(z.enum(ROLES)),
});
export type User = z.infer<typeof userSchema>;
/** PUT /api/session/preferences: either or both. */
export const preferencesSchema = z
  .strictObject({ theme: z.enum(THEMES).optional(), calibrationConsent: z.boolean().optional() })
  .refine((p) => p.theme !== undefined || p.calibrationConsent !== undefined, 'give theme or calibrationConsent');
export type Preferences = z.infer<typeof preferencesSchema>;
export const sessionSchema = z.object({
  user: userSchema.nullable(),
  /** True while no account exists yet: the app shows "create your account". */
  firstRun: z.boolean(),
  /** Send back as the `x-csrf-token` header on every POST / PUT / DELETE. */
  csrfToken: z.string(),
  /** The exam a user who has not chosen yet is offered first. */
  defaultExam: z.string(),
  /** The server's day (YYYY-MM-DD): notices and countdowns follow the server's clock, not the browser's. */
  today: z.string(),
  /** Signed in on a server with no administrator yet: the settings offer to enter the setup code. */
  adminSetup: z.boolean(),
  /** False for an account a course platform made: it signs in from the course only, and confirms its deletion with its email. */
  passwordSet: z.boolean(),
});
export type SessionView = z.infer<typeof sessionSchema>;
/** GET /api/admin/users: a page of accounts, by email. */
export const adminUserListSchema = z.object({ users: z.array(userSchema), total: z.number(), page: z.number(), pageSize: z.number() });
export type AdminUserList = z.infer<typeof adminUserListSchema>;
