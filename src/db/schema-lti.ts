import type { Generated } from 'kysely';

/** The LTI 1.3 tool's tables (part of `Database`): times in milliseconds since the epoch, JSON as text. */
export interface LtiTables {
  /** The tool's LTI signing keys (`025-lti-keys`): JWKs as JSON; retired keys stay published for a day. */
  lti_keys: {
    kid: string;
    private_jwk: string;
    public_jwk: string;
    created_ms: number;
    retired_ms: number | null;
  };
  /** LTI 1.3 platforms registered with the tool (`026-lti-platforms`): `deployment_ids` a JSON array. */
  lti_platforms: {
    id: string;
    issuer: string;
    client_id: string;
    deployment_ids: string;
    auth_url: string;
    token_url: string;
    jwks_url: string;
    created_ms: number;
  };
  /** A login initiation awaiting its id_token (`027-lti-launches`): the state and nonce the tool chose, used once. */
  lti_states: {
    state: string;
    nonce: string;
    platform_id: string;
    created_ms: number;
  };
  /** A platform's user (its `sub`) as a certprep account. */
  lti_users: {
    platform_id: string;
    subject: string;
    user_id: string;
  };
  /** A course of a platform as a cohort; `scopes` a JSON array of the services the platform grants. */
  lti_contexts: {
    id: string;
    platform_id: string;
    context_id: string;
    cohort_id: string;
    /** 1 once an instructor chose the cohort's exam version (MLA-C02 until then). */
    exam_chosen: number;
    memberships_url: string | null;
    lineitems_url: string | null;
    scopes: string;
  };
  /** A resource link placed in a course: what it opens (`target`, e.g. `mock:standard`) and its grade column. */
  lti_links: {
    id: string;
    context_pk: string;
    resource_link_id: string;
    title: string;
    target: string;
    lineitem_url: string | null;
  };
  /** Who launched a link (their grade goes to its column). */
  lti_link_users: {
    link_id: string;
    user_id: string;
    subject: string;
    first_ms: number;
  };
  /** A one-time code handing a launch to the web app (no cookie needed inside the platform's frame). */
  lti_handoffs: {
    code_hash: string;
    user_id: string;
    /** JSON: where the app opens and, for deep linking, the request's id. */
    landing: string;
    expires_ms: number;
  };
  /** A deep-linking request awaiting the instructor's choice. */
  lti_deep_links: {
    id: string;
    user_id: string;
    platform_id: string;
    deployment_id: string;
    return_url: string;
    data: string | null;
    exam: string;
    expires_ms: number;
    /** The course's cohort (`028`), whose exam version the instructor may choose here. */
    cohort_id: Generated<string | null>;
  };
  /** The grade of a (link, user) as last computed, and whether the platform has it. */
  lti_grades: {
    link_id: string;
    user_id: string;
    /** 0 while `grading_progress` is `PendingManual`: no score is sent then. */
    score_given: number;
    score_max: number;
    /** `FullyGraded`, or `PendingManual` (a project awaiting its grader; `029-lti-grading-progress`). */
    grading_progress: Generated<string>;
    /** `pending` (to send), `sent`, or `failed` (retried at `next_try_ms`). */
    status: string;
    tries: number;
    error: string | null;
    next_try_ms: number;
    sent_ms: number | null;
  };
  /** A one-time code in a dynamic registration URL (`028-lti-registrations`). */
  lti_registration_codes: {
    code_hash: string;
    created_by: string | null;
    expires_ms: number;
  };
}
