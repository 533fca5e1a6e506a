import type { Kysely } from 'kysely';

/**
 * LTI 1.3 launches: the login states awaiting their id_token, the platform users and courses known to
 * the tool, the resource links placed in a course (with their grade column), the one-time codes that
 * hand a launch over to the web app, deep-linking requests, and the grades sent back to each platform.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('lti_states')
    .addColumn('state', 'text', (c) => c.primaryKey())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('lti_platforms.id').onDelete('cascade'))
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('lti_users')
    .addColumn('platform_id', 'text', (c) => c.notNull().references('lti_platforms.id').onDelete('cascade'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('lti_users_pk', ['platform_id', 'subject'])
    .execute();
  await db.schema
    .createTable('lti_contexts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('lti_platforms.id').onDelete('cascade'))
    .addColumn('context_id', 'text', (c) => c.notNull())
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('exam_chosen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('memberships_url', 'text')
    .addColumn('lineitems_url', 'text')
    .addColumn('scopes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addUniqueConstraint('lti_contexts_platform_context', ['platform_id', 'context_id'])
    .execute();
  await db.schema
    .createTable('lti_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('context_pk', 'text', (c) => c.notNull().references('lti_contexts.id').onDelete('cascade'))
    .addColumn('resource_link_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('lineitem_url', 'text')
    .addUniqueConstraint('lti_links_context_link', ['context_pk', 'resource_link_id'])
    .execute();
  await db.schema
    .createTable('lti_link_users')
    .addColumn('link_id', 'text', (c) => c.notNull().references('lti_links.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('first_ms', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('lti_link_users_pk', ['link_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('lti_handoffs')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('landing', 'text', (c) => c.notNull())
    .addColumn('expires_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('lti_deep_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('platform_id', 'text', (c) => c.notNull().references('lti_platforms.id').onDelete('cascade'))
    .addColumn('deployment_id', 'text', (c) => c.notNull())
    .addColumn('return_url', 'text', (c) => c.notNull())
    .addColumn('data', 'text')
    .addColumn('exam', 'text', (c) => c.notNull())
    .addColumn('expires_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('lti_grades')
    .addColumn('link_id', 'text', (c) => c.notNull().references('lti_links.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('score_given', 'double precision', (c) => c.notNull())
    .addColumn('score_max', 'double precision', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('tries', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('next_try_ms', 'bigint', (c) => c.notNull())
    .addColumn('sent_ms', 'bigint')
    .addPrimaryKeyConstraint('lti_grades_pk', ['link_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['lti_grades', 'lti_deep_links', 'lti_handoffs', 'lti_link_users', 'lti_links', 'lti_contexts', 'lti_users', 'lti_states']) await db.schema.dropTable(t).execute();
}
