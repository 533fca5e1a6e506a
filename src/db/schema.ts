import type { Generated } from 'kysely';
import type { LtiTables } from './schema-lti.ts';

/**
 * The tables, as Kysely sees them. Times are integers in milliseconds since the epoch and JSON is
 * stored as text, so that SQLite and PostgreSQL behave the same.
 */
export interface Database extends LtiTables {
  users: {
    id: string;
    email: string;
    name: string;
    password_hash: string;
    locale: string;
    created_ms: number;
    /** The exam version the user prepares for; null until chosen. */
    exam: string | null;
    /** The day the user sits it (YYYY-MM-DD), if they said. */
    exam_date: string | null;
    /** `system`, `light`, `dark` or `contrast` (`012-user-preferences`). */
    theme: Generated<string>;
    /** 1: their responses may be kept, anonymised, for calibration if they delete their account. */
    calibration_consent: Generated<number>;
    /** Comma-separated roles beyond candidate: `tutor`, `author`, `admin` (`018-user-roles`). */
    roles: Generated<string>;
  };
  sessions: {
    /** SHA-256 of the cookie's token: a stolen database does not hold usable sessions. */
    id: string;
    user_id: string;
    created_ms: number;
    expires_ms: number;
    /** Last request seen on this session (written at most every few minutes); 0 until then. */
    last_seen_ms: number;
  };
  item_versions: {
    id: string;
    item_id: string;
    collection: string;
    hash: string;
    /** The bank entry (an item, or a whole case study) as JSON. */
    content: string;
    created_ms: number;
  };
  items: {
    collection: string;
    item_id: string;
    version_id: string;
    type: string;
    exams: string;
    active: number;
    updated_ms: number;
    /** The hash of the entry as last loaded from content files (`022-key-disputes`): a newer version made in the app stays current until the file changes. */
    content_hash: string | null;
  };
  attempts: {
    id: string;
    user_id: string;
    kind: string;
    exam: string;
    profile: string | null;
    feedback: string;
    status: string;
    seed: string;
    started_ms: number;
    deadline_ms: number | null;
    submitted_ms: number | null;
    /** The form: FormEntry[] plus the item version each position answers. */
    form: string;
    report: string | null;
    scaled: number | null;
    passed: number | null;
    /** Adaptive quick check: the number of items it will have (the form grows one item at a time). */
    target: number | null;
    /** Mock exams: the named accommodation, and the extra minutes the candidate gave themselves. */
    accommodation: string | null;
    extra_minutes: number | null;
    /** Practice: what it covered (`AttemptScope` as JSON); null for mocks and quick checks. */
    scope: string | null;
    /** A paused timed practice: the time it had left (its deadline is null meanwhile). */
    paused_remaining_ms: number | null;
  };
  answers: {
    attempt_id: string;
    position: number;
    answer: string | null;
    flagged: number;
    struck: string;
    revision: number;
    checked: number;
    last_tab: string;
    last_seq: number;
    updated_ms: number;
  };
  /** A user's reading of a lesson (`014-study-path`): when they marked it read, and the time spent on it. */
  lesson_progress: {
    user_id: string;
    lesson_id: string;
    read_ms: number | null;
    time_ms: Generated<number>;
    updated_ms: number;
  };
  /** The FSRS schedule of a flash card for a user (`014-study-path`). */
  card_reviews: {
    user_id: string;
    card_id: string;
    card: string;
    due_ms: number;
    reviews: Generated<number>;
    last_rating: string;
    updated_ms: number;
  };
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
  /** Settings of the platform (`018-user-roles`): e.g. the hash of the one-time administrator setup code. */
  app_settings: {
    key: string;
    value: string;
    updated_ms: number;
  };
  /** Real exam results (`017-exam-results`); `domains` is JSON (domain id → meets / needs-improvement). */
  exam_results: {
    id: string;
    user_id: string;
    exam: string;
    sat_on: string;
    scaled: number;
    passed: number;
    beta: number;
    domains: string;
    created_ms: number;
  };
  /** A study plan per user and exam (`016-study-plans`): its settings and the plan as first made (JSON). */
  study_plans: {
    user_id: string;
    exam: string;
    exam_date: string;
    hours_per_week: number;
    snapshot: string;
    created_ms: number;
  };
  /** Practice answers marked "I was unsure" (`015-unsure-answers`). */
  unsure_answers: {
    attempt_id: string;
    position: number;
    updated_ms: number;
  };
  /** A user's bookmark and note on a question (`013-item-notes`). */
  item_notes: {
    user_id: string;
    item_id: string;
    bookmarked: number;
    note: string;
    updated_ms: number;
  };
  /** Time on screen per question of an attempt (`011-question-time`). */
  question_time: {
    attempt_id: string;
    position: number;
    ms: number;
    updated_ms: number;
  };
  responses: {
    attempt_id: string;
    user_id: string;
    item_id: string;
    version_id: string;
    position: number;
    scored: number;
    correct: number;
    answer: string | null;
    answered_ms: number;
    /** 1 when the user had already seen this item's key: left out of calibration. */
    after_reveal: number;
  };
  revealed_keys: {
    user_id: string;
    item_id: string;
    revealed_ms: number;
  };
  review_cards: {
    user_id: string;
    item_id: string;
    card: string;
    due_ms: number;
    lapses: number;
    updated_ms: number;
  };
  calibrations: {
    id: string;
    model: string;
    fitted_ms: number;
    persons: number;
    items: number;
    log_lik: number;
    iterations: number;
    converged: number;
    /** The latent SD the fit estimated (Rasch); stored parameters are rescaled to N(0, 1). */
    fitted_sd: number | null;
    /** JSON array of calibration-wide warnings. */
    warnings: string | null;
  };
  calibration_reference: {
    calibration_id: string;
    exam_id: string;
    item_id: string;
    angoff: number;
  };
  calibration_left_out: {
    calibration_id: string;
    item_id: string;
    reason: string;
    responses: number;
    /** 1 when the item itself looks wrong (e.g. a negative slope), not merely under-sampled. */
    flagged: number;
  };
  item_params: {
    item_id: string;
    calibration_id: string;
    a: number;
    d: number;
    c: number | null;
    responses: number;
  };
  rate_limits: {
    /** The limit's name and its subject, e.g. `signin-fail:<email>:<address>`. */
    key: string;
    window_start_ms: number;
    count: number;
  };
}
