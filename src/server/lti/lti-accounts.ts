import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { User } from '../../core/api/contracts.ts';
import { cohorts } from '../../db/repositories/cohorts.ts';
import { NO_PASSWORD, users } from '../../db/repositories/users.ts';
import type { Database } from '../../db/schema.ts';

/** A platform's person as the tool hears of them (a launch or the roster). */
export interface PlatformPerson {
  subject: string;
  name: string;
  email?: string | undefined;
  locale?: string | undefined;
  instructor: boolean;
}

/**
 * The certprep account of a platform's user, matched by (issuer, subject), made at first sight. The
 * email the platform shares becomes the account's when no other account has it; a platform never takes
 * over an existing account by naming its email. Instructors get the tutor role. `rolesChanged`: the
 * caller tells every instance's session cache.
 */
export async function platformAccount(db: Kysely<Database>, platform: { id: string; issuer: string }, p: PlatformPerson, now: number): Promise<{ user: User; rolesChanged: boolean }> {
  // A subject is unique per issuer (OpenID Connect): the same person under two registrations of one platform is one account.
  const known = await db.selectFrom('lti_users').innerJoin('lti_platforms', 'lti_platforms.id', 'lti_users.platform_id').select('lti_users.user_id').where('lti_platforms.issuer', '=', platform.issuer).where('lti_users.subject', '=', p.subject).executeTakeFirst();
  const platformId = platform.id;
  let user = known && (await users.byId(db, known.user_id));
  if (!user) {
    const email = p.email && !(await users.byEmail(db, p.email.toLowerCase())) ? p.email.toLowerCase() : `${createHash('sha256').update(`${platformId}\n${p.subject}`).digest('hex').slice(0, 24)}@lti.invalid`;
    const id = randomUUID();
    await db.transaction().execute(async (trx) => {
      await users.insert(trx, { id, email, name: p.name, passwordHash: NO_PASSWORD, locale: p.locale?.toLowerCase().startsWith('fr') ? 'fr' : 'en', roles: p.instructor ? ['tutor'] : [], now });
      await trx.insertInto('lti_users').values({ platform_id: platformId, subject: p.subject, user_id: id }).execute();
    });
    return { user: (await users.byId(db, id))!, rolesChanged: false };
  }
  if (p.name && p.name !== user.name) await db.updateTable('users').set({ name: p.name }).where('id', '=', user.id).execute();
  const rolesChanged = p.instructor && !user.roles.includes('tutor');
  if (rolesChanged) await users.setRoles(db, user.id, [...user.roles, 'tutor']);
  return { user: (await users.byId(db, user.id))!, rolesChanged };
}

/** Puts the account in the course's cohort: instructors as its tutors, everyone else as members. */
export async function joinCourse(db: Kysely<Database>, cohortId: string, userId: string, instructor: boolean, now: number): Promise<void> {
  if (instructor) await cohorts.addTutor(db, cohortId, userId);
  else await cohorts.addMember(db, cohortId, userId, now);
}
