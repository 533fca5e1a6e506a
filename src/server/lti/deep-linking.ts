import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Kysely } from 'kysely';
import type { DeepLinkOption, User } from '../../core/api/contracts.ts';
import type { ExamDefinition } from '../../core/exam/exam-schema.ts';
import { QUIZ_SIZE } from '../../core/lessons/study-report.ts';
import type { Project } from '../../core/projects/project-schema.ts';
import type { Database } from '../../db/schema.ts';
import { badRequest, notFound } from '../errors.ts';
import { CLAIM } from './lti-claims.ts';
import { LTI_ALG, type ToolKeys } from './tool-keys.ts';

/** What certprep offers a course for an exam version: the study path, each mock profile, module (with its quiz), domain practice and project. */
export function deepLinkOptions(exam: ExamDefinition, projects: readonly Project[]): DeepLinkOption[] {
  return [
    { target: 'path', kind: 'path', title: `Study path (${exam.code})`, titleFr: `Parcours d'étude (${exam.code})`, scoreMaximum: null },
    ...Object.entries(exam.profiles).map(([id, p]): DeepLinkOption => ({ target: `mock:${id}`, kind: 'mock', title: `${p.label} (${exam.code})`, titleFr: `Examen blanc : ${p.items} questions (${exam.code})`, scoreMaximum: exam.scale.max })),
    ...exam.modules.map((m): DeepLinkOption => ({ target: `module:${m.id}`, kind: 'module', title: `Module ${m.id}: ${m.title}`, titleFr: `Module ${m.id} : ${m.titleFr}`, scoreMaximum: QUIZ_SIZE })),
    ...exam.domains.map((d): DeepLinkOption => ({ target: `practice:${d.id}`, kind: 'practice', title: `Practice: domain ${d.id}, ${d.name}`, titleFr: `Entraînement : domaine ${d.id}, ${d.nameFr ?? d.name}`, scoreMaximum: null })),
    ...projects.filter((p) => p.exams[exam.id]).map((p): DeepLinkOption => ({ target: `project:${p.id}`, kind: 'project', title: `Project: ${p.title}`, titleFr: `Projet : ${p.titleFr}`, scoreMaximum: p.rubric.length * 3 })),
  ];
}

/**
 * Deep linking (LTI Deep Linking 2.0): an instructor's request waits in the store; the instructor picks
 * activities; the tool answers with a signed `LtiDeepLinkingResponse` holding one resource link per activity
 * (its target as a custom parameter, and a grade column where a grade goes back), to be posted to the platform.
 */
export class DeepLinking {
  constructor(private readonly deps: { db: Kysely<Database>; now: () => number; toolKeys: ToolKeys; exams: ReadonlyMap<string, ExamDefinition>; projects: readonly Project[] }) {}

  async options(user: User, id: string): Promise<{ exam: string; chooseExam: boolean; exams: { id: string; code: string; name: string }[]; options: Record<string, DeepLinkOption[]> }> {
    const { row } = await this.request(user, id);
    const exams = [...this.deps.exams.values()];
    return { exam: row.exam, chooseExam: row.cohort_id !== null, exams: exams.map((e) => ({ id: e.id, code: e.code, name: e.name })), options: Object.fromEntries(exams.map((e) => [e.id, deepLinkOptions(e, this.deps.projects)])) };
  }

  /** The signed answer; `chosen`: the exam version the instructor picked for a course that had none yet. */
  async respond(user: User, id: string, targets: string[], toolUrl: string, chosen?: string): Promise<{ returnUrl: string; jwt: string }> {
    const request = await this.request(user, id);
    const { row } = request;
    let { exam } = request;
    if (chosen !== undefined && chosen !== row.exam) {
      const other = this.deps.exams.get(chosen);
      if (!other) throw badRequest(`There is no exam "${chosen}".`);
      if (row.cohort_id === null) throw badRequest(`This course prepares for ${exam.code}; its exam version is chosen already.`);
      exam = other;
    }
    const offered = new Map(deepLinkOptions(exam, this.deps.projects).map((o) => [o.target, o]));
    const unknown = targets.filter((t) => !offered.has(t));
    if (unknown.length) throw badRequest(`certprep offers no activity ${unknown.join(', ')} for ${exam.code}.`);
    const platform = await this.deps.db.selectFrom('lti_platforms').selectAll().where('id', '=', row.platform_id).executeTakeFirst();
    if (!platform) throw notFound('The course platform');
    const items = [...new Set(targets)].map((t) => {
      const o = offered.get(t)!;
      return { type: 'ltiResourceLink', title: o.title, url: `${toolUrl}/lti/launch`, custom: { certprep_target: o.target }, ...(o.scoreMaximum !== null ? { lineItem: { scoreMaximum: o.scoreMaximum, label: o.title, resourceId: o.target } } : {}) };
    });
    const key = await this.deps.toolKeys.signingKey();
    const now = Math.floor(this.deps.now() / 1000);
    const jwt = await new SignJWT({
      nonce: randomBytes(16).toString('base64url'),
      [CLAIM.messageType]: 'LtiDeepLinkingResponse',
      [CLAIM.version]: '1.3.0',
      [CLAIM.deploymentId]: row.deployment_id,
      [CLAIM.contentItems]: items,
      ...(row.data !== null ? { [CLAIM.dlData]: row.data } : {}),
    })
      .setProtectedHeader({ alg: LTI_ALG, kid: key.kid, typ: 'JWT' })
      .setIssuer(platform.client_id)
      .setAudience(platform.issuer)
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .sign(key.key);
    await this.deps.db.deleteFrom('lti_deep_links').where('id', '=', id).execute();
    // The course's exam version is the one the instructor placed activities for.
    if (row.cohort_id !== null) {
      await this.deps.db.updateTable('cohorts').set({ exam: exam.id }).where('id', '=', row.cohort_id).execute();
      await this.deps.db.updateTable('lti_contexts').set({ exam_chosen: 1 }).where('cohort_id', '=', row.cohort_id).execute();
    }
    return { returnUrl: row.return_url, jwt };
  }

  private async request(user: User, id: string) {
    const row = await this.deps.db.selectFrom('lti_deep_links').selectAll().where('id', '=', id).where('user_id', '=', user.id).executeTakeFirst();
    if (!row || Number(row.expires_ms) < this.deps.now()) throw notFound('The request to place activities in the course (it lasts an hour; open it from the course again)');
    const exam = this.deps.exams.get(row.exam);
    if (!exam) throw notFound(`The exam ${row.exam}`);
    return { row, exam };
  }
}
