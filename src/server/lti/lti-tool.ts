import type { Kysely } from 'kysely';
import type { ExamDefinition } from '../../core/exam/exam-schema.ts';
import type { Project } from '../../core/projects/project-schema.ts';
import type { Database } from '../../db/schema.ts';
import { DeepLinking } from './deep-linking.ts';
import { DynamicRegistration } from './dynamic-registration.ts';
import { FrameOrigins } from './frame-origins.ts';
import { GradePassback } from './grade-passback.ts';
import { LtiHandoff } from './lti-handoff.ts';
import { LtiLaunch } from './lti-launch.ts';
import { LtiProvision } from './lti-provision.ts';
import { PlatformKeys, type FetchLike } from './platform-keys.ts';
import { LtiPlatforms } from './platforms.ts';
import { LtiRoster } from './roster-sync.ts';
import { ServiceTokens } from './service-token.ts';
import { ToolKeys } from './tool-keys.ts';

/** The LTI 1.3 tool's parts, made once per app. */
export interface LtiTool {
  db: Kysely<Database>;
  exams: ReadonlyMap<string, ExamDefinition>;
  /** The tool's public origin (`PUBLIC_URL`); by default each request's own. */
  publicUrl: string | undefined;
  keys: ToolKeys;
  platforms: LtiPlatforms;
  launch: LtiLaunch;
  provision: LtiProvision;
  handoff: LtiHandoff;
  deepLinking: DeepLinking;
  grades: GradePassback;
  roster: LtiRoster;
  frameOrigins: FrameOrigins;
  registration: DynamicRegistration;
}

export function ltiTool(deps: { db: Kysely<Database>; now: () => number; fetch: FetchLike; exams: ReadonlyMap<string, ExamDefinition>; defaultExam: string; projects: readonly Project[]; sessionDays: number; publicUrl: string | undefined }): LtiTool {
  const { db, now, fetch } = deps;
  const keys = new ToolKeys({ db, now });
  const platforms = new LtiPlatforms({ db, now });
  const tokens = new ServiceTokens({ toolKeys: keys, fetch, now });
  return {
    db,
    exams: deps.exams,
    publicUrl: deps.publicUrl,
    keys,
    platforms,
    launch: new LtiLaunch({ db, now, platforms, keys: new PlatformKeys({ fetch, now }) }),
    provision: new LtiProvision({ db, now, defaultExam: deps.defaultExam }),
    handoff: new LtiHandoff({ db, now, sessionDays: deps.sessionDays }),
    deepLinking: new DeepLinking({ db, now, toolKeys: keys, exams: deps.exams, projects: deps.projects }),
    grades: new GradePassback({ db, now, fetch, tokens }),
    roster: new LtiRoster({ db, now, fetch, tokens }),
    frameOrigins: new FrameOrigins({ platforms, now }),
    registration: new DynamicRegistration({ db, now, fetch, platforms }),
  };
}
