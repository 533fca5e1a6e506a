import type { Kysely } from 'kysely';

/** The first schema. Typed Kysely<any>: a migration must not depend on today's table types. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .addColumn('expires_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('item_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('collection', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('item_versions_item_hash', ['collection', 'item_id', 'hash'])
    .execute();
  await db.schema
    .createTable('items')
    .addColumn('collection', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull().references('item_versions.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('exams', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_ms', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('items_pk', ['collection', 'item_id'])
    .execute();
  await db.schema
    .createTable('attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('exam', 'text', (c) => c.notNull())
    .addColumn('profile', 'text')
    .addColumn('feedback', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('seed', 'text', (c) => c.notNull())
    .addColumn('started_ms', 'bigint', (c) => c.notNull())
    .addColumn('deadline_ms', 'bigint')
    .addColumn('submitted_ms', 'bigint')
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('report', 'text')
    .addColumn('scaled', 'integer')
    .addColumn('passed', 'integer')
    .execute();
  await db.schema.createIndex('attempts_user').on('attempts').columns(['user_id', 'started_ms']).execute();
  await db.schema.createIndex('attempts_open_deadline').on('attempts').columns(['status', 'deadline_ms']).execute();
  await db.schema
    .createTable('answers')
    .addColumn('attempt_id', 'text', (c) => c.notNull().references('attempts.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('flagged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('struck', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('checked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_tab', 'text', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('updated_ms', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('answers_pk', ['attempt_id', 'position'])
    .execute();
  await db.schema
    .createTable('responses')
    .addColumn('attempt_id', 'text', (c) => c.notNull().references('attempts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull().references('item_versions.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('scored', 'integer', (c) => c.notNull())
    .addColumn('correct', 'integer', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_ms', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('responses_pk', ['attempt_id', 'position'])
    .execute();
  await db.schema.createIndex('responses_user_item').on('responses').columns(['user_id', 'item_id']).execute();
  await db.schema.createIndex('responses_item').on('responses').columns(['item_id']).execute();
  await db.schema
    .createTable('review_cards')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('card', 'text', (c) => c.notNull())
    .addColumn('due_ms', 'bigint', (c) => c.notNull())
    .addColumn('lapses', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_ms', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_cards_pk', ['user_id', 'item_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['review_cards', 'responses', 'answers', 'attempts', 'items', 'item_versions', 'sessions', 'users']) await db.schema.dropTable(t).execute();
}
