import type { Generated } from 'kysely';
import type { LtiTables } from './schema-lti.ts';
import type { ProviderTables } from './schema-providers.ts';

/**
 * The tables, as Kysely sees them. Times are integers in milliseconds since the epoch and JSON is
 * stored as text, so that SQLite and PostgreSQL behave the same.
 */
export interface Database extends LtiTables, ProviderTables {
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
