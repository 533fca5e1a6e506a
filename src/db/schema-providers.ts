/** The training providers' tables (part of `Database`): cohorts, assignments, projects, key disputes, discussions and authoring. */
export interface ProviderTables {
  /** Cohorts run by tutors (`019-cohorts`); days are YYYY-MM-DD. */
  cohorts: {
    id: string;
    name: string;
    exam: string;
    exam_date: string | null;
    access_until: string | null;
    invite_code: string;
    created_by: string | null;
    created_ms: number;
  };
  cohort_tutors: {
    cohort_id: string;
    user_id: string;
  };
  cohort_members: {
    cohort_id: string;
    user_id: string;
    joined_ms: number;
  };
  /** A cohort's assignments (`020-assignments`): `spec` is an `AssignmentSpec` as JSON. */
  assignments: {
    id: string;
    cohort_id: string;
    title: string;
    spec: string;
    due_on: string | null;
    created_by: string | null;
    created_ms: number;
  };
  /** A candidate's submission of a practical project (`021-project-submissions`): `links` a JSON array, `grade` a `ProjectGrade` as JSON once graded. */
  project_submissions: {
    id: string;
    user_id: string;
    project_id: string;
    exam: string;
    text: string;
    links: string;
    created_ms: number;
    grade: string | null;
    graded_by: string | null;
    graded_ms: number | null;
  };
  project_files: {
    id: string;
    submission_id: string;
    name: string;
    media_type: string;
    size: number;
    data: Uint8Array;
  };
  /** A candidate's dispute of a revealed key (`022-key-disputes`): `proposed` the bank option ids they believe right (JSON); status open, accepted or rejected. */
  item_disputes: {
    id: string;
    user_id: string;
    item_id: string;
    version_id: string;
    exam: string;
    proposed: string;
    reason: string;
    link: string | null;
    status: string;
    resolution: string | null;
    resolved_by: string | null;
    resolved_ms: number | null;
    created_ms: number;
  };
  /** The public changelog of corrections: `exams` a JSON array; kind key-corrected, rationale-fixed or item-retired; `summary` for those who saw the item. */
  item_changes: {
    id: string;
    item_id: string;
    exams: string;
    kind: string;
    from_version: string;
    to_version: string | null;
    summary: string;
    created_ms: number;
  };
  /** An attempt re-scored after a correction (`before`/`after`: JSON of the score before and after). */
  attempt_notices: {
    attempt_id: string;
    change_id: string;
    user_id: string;
    before: string;
    after: string;
    created_ms: number;
    seen_ms: number | null;
  };
  /** A post in a question's discussion (`023-discussions`): text only; hidden by a moderator when `hidden_ms` is set. */
  item_posts: {
    id: string;
    item_id: string;
    user_id: string;
    body: string;
    created_ms: number;
    hidden_by: string | null;
    hidden_ms: number | null;
  };
  /** A locked discussion (no new posts). */
  item_threads: {
    item_id: string;
    locked_by: string | null;
    locked_ms: number;
  };
  /** An item written in the app (`024-item-drafts`): status draft, review or published; `base_version` the version it edits (null: a new item). */
  item_drafts: {
    id: string;
    item_id: string;
    base_version: string | null;
    yaml: string;
    status: string;
    author_id: string | null;
    reviewer_id: string | null;
    review_note: string | null;
    published_version: string | null;
    created_ms: number;
    updated_ms: number;
  };
}
