import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { User } from '../../core/api/contracts.ts';
import { cohorts } from '../../db/repositories/cohorts.ts';
import { users } from '../../db/repositories/users.ts';
import type { Database } from '../../db/schema.ts';
import { normaliseCode, randomCode } from '../services/random-code.ts';
import { joinCourse, platformAccount } from './lti-accounts.ts';
import { CLAIM, displayName, isInstructor, type LaunchClaims } from './lti-claims.ts';
import { LtiError } from './lti-error.ts';
import type { ValidLaunch } from './lti-launch.ts';
import { targetRoute } from './lti-targets.ts';

/** Where the web app opens after a launch: a hash route, and for deep linking the request to answer. */
export interface Landing {
  route: string;
  /** The course's cohort still waits for its instructor to choose the exam version. */
  chooseExam?: string;
  deepLink?: string;
}

const DEEP_LINK_TTL_MS = 60 * 60_000;

/**
 * What a valid launch makes in the store: the account (matched by platform and subject), the course as a
 * cohort (created at the first launch, on the default exam version until an instructor chooses), the
 * resource link with its grade column, and where the web app should open.
 */
export class LtiProvision {
  constructor(private readonly deps: { db: Kysely<Database>; now: () => number; defaultExam: string }) {}

  async provision({ platform, claims }: ValidLaunch): Promise<{ user: User; landing: Landing; rolesChanged: boolean }> {
    const { db, now } = this.deps;
    const instructor = isInstructor(claims[CLAIM.roles]);
    const { user, rolesChanged } = await platformAccount(db, platform, { subject: claims.sub, name: displayName(claims, instructor ? 'Instructor' : 'Learner'), email: claims.email, locale: claims.locale, instructor }, now());
    const course = claims[CLAIM.context] ? await this.course(platform.id, claims) : undefined;
    if (course) {
      await joinCourse(db, course.cohortId, user.id, instructor, now());
      if (!user.exam) await users.setExam(db, user.id, course.exam, null);
    }
    if (claims[CLAIM.messageType] === 'LtiDeepLinkingRequest') {
      if (!instructor) throw new LtiError('wrong-message-type', 'only an instructor places certprep in a course', 403);
      const settings = claims[CLAIM.deepLinking]!;
      const id = randomUUID();
      await db.deleteFrom('lti_deep_links').where('expires_ms', '<', now()).execute();
      await db.insertInto('lti_deep_links').values({ id, user_id: user.id, platform_id: platform.id, deployment_id: claims[CLAIM.deploymentId], return_url: settings.deep_link_return_url, data: settings.data ?? null, exam: course?.exam ?? user.exam ?? this.deps.defaultExam, expires_ms: now() + DEEP_LINK_TTL_MS, cohort_id: course && !course.examChosen ? course.cohortId : null }).execute();
      return { user, rolesChanged, landing: { route: `/lti/deep-link/${id}`, deepLink: id } };
    }
    const target = linkTarget(claims);
    if (course) await this.link(course.pk, user.id, claims, target, instructor);
    if (instructor && course) return { user, rolesChanged, landing: course.examChosen ? { route: `/cohorts/${course.cohortId}` } : { route: `/lti/course/${course.cohortId}`, chooseExam: course.cohortId } };
    return { user, rolesChanged, landing: { route: targetRoute(target) } };
  }

  private async course(platformId: string, claims: LaunchClaims) {
    const { db, now } = this.deps;
    const context = claims[CLAIM.context]!;
    const services = { memberships_url: claims[CLAIM.nrps]?.context_memberships_url ?? null, lineitems_url: claims[CLAIM.ags]?.lineitems ?? null, scopes: JSON.stringify(claims[CLAIM.ags]?.scope ?? []) };
    let row = await db.selectFrom('lti_contexts').selectAll().where('platform_id', '=', platformId).where('context_id', '=', context.id).executeTakeFirst();
    if (!row) {
      const cohortId = randomUUID();
      await cohorts.insert(db, { id: cohortId, name: (context.title || context.label || 'Course').slice(0, 100), exam: this.deps.defaultExam, exam_date: null, access_until: null, invite_code: normaliseCode(randomCode(12)), created_by: null, created_ms: now() });
      // Two first launches at once: the second finds the first's course (the unique key refuses a second row).
      await db.insertInto('lti_contexts').values({ id: randomUUID(), platform_id: platformId, context_id: context.id, cohort_id: cohortId, exam_chosen: 0, ...services }).onConflict((oc) => oc.columns(['platform_id', 'context_id']).doNothing()).execute();
      row = (await db.selectFrom('lti_contexts').selectAll().where('platform_id', '=', platformId).where('context_id', '=', context.id).executeTakeFirstOrThrow())!;
      if (row.cohort_id !== cohortId) await db.deleteFrom('cohorts').where('id', '=', cohortId).execute();
    } else if (services.memberships_url || services.lineitems_url) {
      await db.updateTable('lti_contexts').set(services).where('id', '=', row.id).execute();
    }
    const cohort = await cohorts.byId(db, row.cohort_id);
    return { pk: row.id, cohortId: row.cohort_id, exam: cohort?.exam ?? this.deps.defaultExam, examChosen: row.exam_chosen === 1 };
  }

  private async link(contextPk: string, userId: string, claims: LaunchClaims, target: string, instructor: boolean) {
    const { db, now } = this.deps;
    const link = claims[CLAIM.resourceLink]!;
    const lineitem = claims[CLAIM.ags]?.lineitem ?? null;
    await db
      .insertInto('lti_links')
      .values({ id: randomUUID(), context_pk: contextPk, resource_link_id: link.id, title: (link.title ?? target).slice(0, 255), target, lineitem_url: lineitem })
      .onConflict((oc) => oc.columns(['context_pk', 'resource_link_id']).doUpdateSet({ title: (link.title ?? target).slice(0, 255), target, lineitem_url: lineitem }))
      .execute();
    if (instructor) return;
    const row = await db.selectFrom('lti_links').select('id').where('context_pk', '=', contextPk).where('resource_link_id', '=', link.id).executeTakeFirstOrThrow();
    await db.insertInto('lti_link_users').values({ link_id: row.id, user_id: userId, subject: claims.sub, first_ms: now() }).onConflict((oc) => oc.columns(['link_id', 'user_id']).doNothing()).execute();
  }
}

/** What a resource link opens: the custom parameter deep linking set (`certprep_target`), else the dashboard. */
function linkTarget(claims: LaunchClaims): string {
  const custom = claims[CLAIM.custom]?.certprep_target;
  return typeof custom === 'string' && /^[a-z]+(:[a-z0-9-]+)?$/.test(custom) ? custom : 'dashboard';
}
