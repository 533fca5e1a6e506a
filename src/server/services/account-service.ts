import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { User } from '../../core/api/contracts.ts';
import { passwordProblem } from '../../core/auth/password-policy.ts';
import { projectSubmissions } from '../../db/repositories/project-submissions.ts';
import { itemNotes } from '../../db/repositories/item-notes.ts';
import { sessions } from '../../db/repositories/sessions.ts';
import { NO_PASSWORD, users } from '../../db/repositories/users.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, badRequest, conflict, notFound } from '../errors.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';

/**
 * A user's own account: change of password (other sessions end), an administrator's reset (every
 * session ends; there is no mail server by default), an export of everything stored about the user,
 * and deletion. Deleting removes the account and every answer; only where the user agrees are their
 * responses kept, moved to an anonymous stand-in with no email, name or password, for calibration.
 */
export class AccountService {
  constructor(private readonly deps: { db: Kysely<Database>; now: () => number }) {}

  async changePassword(user: User, current: string, next: string, keepSession: string): Promise<number> {
    await checkPassword(await users.passwordHash(this.deps.db, user.id), current, 'The current password is wrong.');
    const problem = passwordProblem(next, { email: user.email, name: user.name });
    if (problem) throw badRequest(`new password: ${problem}`);
    await users.setPassword(this.deps.db, user.id, await hashPassword(next));
    return sessions.deleteForUser(this.deps.db, user.id, { except: keepSession });
  }

  /** For `certprep users reset-password`: a new random password, every session ended. */
  async resetPassword(email: string): Promise<{ user: User; password: string }> {
    const found = await users.byEmail(this.deps.db, email.trim().toLowerCase());
    if (!found) throw notFound(`The account ${email}`);
    const password = randomBytes(15).toString('base64url');
    await users.setPassword(this.deps.db, found.id, await hashPassword(password));
    await sessions.deleteForUser(this.deps.db, found.id);
    const { passwordHash: _, ...user } = found;
    return { user, password };
  }

  /** Everything stored about the user, as JSON: the account, attempts with answers and reports, responses, review cards. */
  async export(user: User): Promise<Record<string, unknown>> {
    const { db } = this.deps;
    const attempts = await db.selectFrom('attempts').selectAll().where('user_id', '=', user.id).orderBy('started_ms').execute();
    const ids = attempts.map((a) => a.id);
    const answers = ids.length ? await db.selectFrom('answers').selectAll().where('attempt_id', 'in', ids).execute() : [];
    const times = ids.length ? await db.selectFrom('question_time').select(['attempt_id', 'position', 'ms']).where('attempt_id', 'in', ids).execute() : [];
    const responses = await db.selectFrom('responses').selectAll().where('user_id', '=', user.id).orderBy('answered_ms').execute();
    const cards = await db.selectFrom('review_cards').selectAll().where('user_id', '=', user.id).execute();
    const notes = await itemNotes.all(db, user.id);
    const results = await db.selectFrom('exam_results').select(['exam', 'sat_on', 'scaled', 'passed', 'domains']).where('user_id', '=', user.id).execute();
    const memberOf = await db.selectFrom('cohort_members').innerJoin('cohorts', 'cohorts.id', 'cohort_members.cohort_id').select(['cohorts.name', 'cohorts.exam', 'cohort_members.joined_ms']).where('cohort_members.user_id', '=', user.id).execute();
    const lessons = await db.selectFrom('lesson_progress').selectAll().where('user_id', '=', user.id).execute();
    const flashCards = await db.selectFrom('card_reviews').select(['card_id', 'due_ms', 'reviews', 'last_rating']).where('user_id', '=', user.id).execute();
    const submissions = await projectSubmissions.ofUser(db, user.id);
    const files = await projectSubmissions.files(db, submissions.map((x) => x.id));
    const posts = await db.selectFrom('item_posts').select(['item_id', 'body', 'created_ms', 'hidden_ms']).where('user_id', '=', user.id).orderBy('created_ms').execute();
    const json = (s: string | null) => (s === null ? null : (JSON.parse(s) as unknown));
    return {
      exportedAt: new Date(this.deps.now()).toISOString(),
      account: user,
      attempts: attempts.map((a) => ({
        id: a.id,
        kind: a.kind,
        exam: a.exam,
        profile: a.profile,
        status: a.status,
        startedAt: new Date(Number(a.started_ms)).toISOString(),
        submittedAt: a.submitted_ms === null ? null : new Date(Number(a.submitted_ms)).toISOString(),
        scope: json(a.scope),
        report: json(a.report),
        answers: answers.filter((x) => x.attempt_id === a.id).map((x) => ({ position: x.position, answer: json(x.answer), flagged: x.flagged === 1 })),
        secondsOnScreen: Object.fromEntries(times.filter((x) => x.attempt_id === a.id).map((x) => [x.position, Math.round(Number(x.ms) / 1000)])),
      })),
      responses: responses.map((r) => ({ itemId: r.item_id, correct: r.correct === 1, answer: json(r.answer), answeredAt: new Date(Number(r.answered_ms)).toISOString() })),
      lessons: lessons.map((l) => ({ lessonId: l.lesson_id, readAt: l.read_ms === null ? null : new Date(Number(l.read_ms)).toISOString(), secondsSpent: Math.round(Number(l.time_ms) / 1000) })),
      flashCards: flashCards.map((c) => ({ cardId: c.card_id, due: new Date(Number(c.due_ms)).toISOString(), reviews: Number(c.reviews), lastRating: c.last_rating })),
      examResults: results.map((r) => ({ exam: r.exam, satOn: r.sat_on, scaled: r.scaled, passed: r.passed === 1, domains: json(r.domains) })),
      cohorts: memberOf.map((c) => ({ name: c.name, exam: c.exam, joinedAt: new Date(Number(c.joined_ms)).toISOString() })),
      // The files themselves are downloaded from the project's page; the export lists them.
      discussionPosts: posts.map((p) => ({ itemId: p.item_id, body: p.body, postedAt: new Date(Number(p.created_ms)).toISOString(), hidden: p.hidden_ms !== null })),
      projectSubmissions: submissions.map((x) => ({ project: x.project_id, exam: x.exam, submittedAt: new Date(Number(x.created_ms)).toISOString(), text: x.text, links: json(x.links), files: files.filter((f) => f.submission_id === x.id).map((f) => ({ name: f.name, size: Number(f.size) })), grade: json(x.grade) })),
      notes: notes.map((n) => ({ itemId: n.itemId, bookmarked: n.bookmarked, note: n.note, updatedAt: new Date(n.updatedMs).toISOString() })),
      reviewCards: cards.map((c) => ({ itemId: c.item_id, due: new Date(Number(c.due_ms)).toISOString(), lapses: c.lapses })),
    };
  }

  /**
   * Deletes the account, confirmed with its password; an account without one (made by a course
   * platform's launch, signed in from the course) confirms with its email instead.
   */
  async delete(user: User, confirm: { password: string; email?: string | undefined }, keepAnonymisedAnswers: boolean): Promise<void> {
    const hash = await users.passwordHash(this.deps.db, user.id);
    if (hash === NO_PASSWORD) {
      if (confirm.email?.trim().toLowerCase() !== user.email.toLowerCase()) throw new AppError(403, 'wrong-confirmation', `Type the account's email, ${user.email}, to confirm: the account was not deleted.`);
    } else await checkPassword(hash, confirm.password, 'The password is wrong: the account was not deleted.');
    // Nobody could give the role back: the server would be left without an administrator.
    // Alone on the server, they may go: the next account then starts the server afresh.
    if (user.roles.includes('admin') && (await users.countAdmins(this.deps.db)) <= 1 && (await users.othersCanSignIn(this.deps.db, user.id))) {
      throw conflict('last-admin', 'You are the only administrator: give another account the administrator role before deleting yours.');
    }
    await this.deps.db.transaction().execute(async (trx) => {
      if (keepAnonymisedAnswers) {
        // A stand-in that can never sign in, so calibration still counts one person per account.
        const standIn = `anonymous-${randomUUID()}`;
        await trx.insertInto('users').values({ id: standIn, email: `${standIn}@deleted.invalid`, name: '', password_hash: NO_PASSWORD, locale: 'en', created_ms: this.deps.now(), exam: null, exam_date: null, theme: 'system', calibration_consent: 1 }).execute();
        await trx.updateTable('attempts').set({ user_id: standIn, scope: null }).where('user_id', '=', user.id).execute();
        await trx.updateTable('responses').set({ user_id: standIn }).where('user_id', '=', user.id).execute();
        await trx.updateTable('exam_results').set({ user_id: standIn }).where('user_id', '=', user.id).execute();
        const kept = trx.selectFrom('attempts').select('id').where('user_id', '=', standIn);
        await trx.deleteFrom('answers').where('attempt_id', 'in', kept).execute();
        await trx.deleteFrom('question_time').where('attempt_id', 'in', kept).execute();
      }
      // Cascades: sessions, attempts with their answers and responses, review cards, revealed keys.
      await trx.deleteFrom('users').where('id', '=', user.id).execute();
    });
  }
}

/** Refuses a password that does not match the account's hash (an account without one matches none). */
async function checkPassword(hash: string | undefined, password: string, message: string): Promise<void> {
  if (!hash || !(await verifyPassword(password, hash))) throw new AppError(403, 'wrong-password', message);
}
