import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { RosterSync as RosterResult } from '../../core/api/contracts.ts';
import { cohorts } from '../../db/repositories/cohorts.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, badRequest } from '../errors.ts';
import { joinCourse, platformAccount } from './lti-accounts.ts';
import { displayName, isInstructor, SCOPE } from './lti-claims.ts';
import type { FetchLike } from './platform-keys.ts';
import type { ServiceTokens } from './service-token.ts';

const memberSchema = z.object({
  user_id: z.string().min(1).max(255),
  roles: z.array(z.string()).default([]),
  status: z.string().optional(),
  name: z.string().max(200).optional(),
  given_name: z.string().max(100).optional(),
  family_name: z.string().max(100).optional(),
  email: z.string().email().optional().catch(undefined),
});
const containerSchema = z.object({ members: z.array(memberSchema) });
/** At most this many pages of members are read (a platform pages by 100 or more). */
const MAX_PAGES = 50;

/**
 * The course's roster from the platform (LTI Names and Role Provisioning Services 2.0): every active member
 * gets an account and a place in the cohort (instructors as tutors); members the platform no longer lists, or
 * lists as inactive, leave the cohort. People who joined the cohort otherwise (an invite code) stay.
 */
export class LtiRoster {
  constructor(private readonly deps: { db: Kysely<Database>; now: () => number; fetch: FetchLike; tokens: ServiceTokens }) {}

  async sync(cohortId: string): Promise<RosterResult> {
    const { db, now } = this.deps;
    const course = await db.selectFrom('lti_contexts').innerJoin('lti_platforms', 'lti_platforms.id', 'lti_contexts.platform_id').select(['lti_contexts.memberships_url', 'lti_platforms.id as platform_id', 'lti_platforms.issuer', 'lti_platforms.client_id', 'lti_platforms.token_url']).where('lti_contexts.cohort_id', '=', cohortId).executeTakeFirst();
    if (!course) throw badRequest('This cohort is not a course of a platform: its roster comes from invite codes.');
    if (!course.memberships_url) throw badRequest('The course has not offered its roster service: enable "Share roster with the tool" (Names and Role Provisioning) in the platform, then open certprep from the course again.');
    const token = await this.deps.tokens.token({ id: course.platform_id, client_id: course.client_id, token_url: course.token_url }, [SCOPE.memberships]);
    const members = await this.read(course.memberships_url, token);
    const active = members.filter((m) => (m.status ?? 'Active') === 'Active');
    const before = new Set((await db.selectFrom('cohort_members').select('user_id').where('cohort_id', '=', cohortId).execute()).map((r) => r.user_id));
    const listed = new Set<string>();
    let added = 0;
    let tutors = 0;
    for (const m of active) {
      const instructor = isInstructor(m.roles);
      const { user } = await platformAccount(db, { id: course.platform_id, issuer: course.issuer }, { subject: m.user_id, name: displayName(m, instructor ? 'Instructor' : 'Learner'), email: m.email, instructor }, now());
      await joinCourse(db, cohortId, user.id, instructor, now());
      if (instructor) tutors++;
      else {
        listed.add(user.id);
        if (!before.has(user.id)) added++;
      }
    }
    const platformMembers = await db.selectFrom('lti_users').innerJoin('cohort_members', 'cohort_members.user_id', 'lti_users.user_id').select('lti_users.user_id').where('cohort_members.cohort_id', '=', cohortId).where('lti_users.platform_id', '=', course.platform_id).execute();
    let removed = 0;
    for (const { user_id } of platformMembers) if (!listed.has(user_id) && (await cohorts.removeMember(db, cohortId, user_id))) removed++;
    return { added, removed, members: listed.size, tutors };
  }

  private async read(first: string, token: string) {
    const all: z.infer<typeof memberSchema>[] = [];
    let next: string | undefined = first;
    for (let page = 0; next && page < MAX_PAGES; page++) {
      const res = await this.deps.fetch(next, { headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json' }, signal: AbortSignal.timeout(15_000) });
      if (!res.ok) throw new AppError(502, 'platform-error', `The platform did not give the roster: HTTP ${res.status}.`);
      const parsed = containerSchema.safeParse(await res.json().catch(() => null));
      if (!parsed.success) throw new AppError(502, 'platform-error', `The platform's roster cannot be read: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}.`);
      all.push(...parsed.data.members);
      next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
    }
    return all;
  }
}
