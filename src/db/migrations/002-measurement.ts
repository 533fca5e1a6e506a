import type { Kysely } from 'kysely';

/** IRT item parameters from the latest calibration, a log of calibrations, and the length of adaptive attempts. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calibrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('fitted_ms', 'bigint', (c) => c.notNull())
    .addColumn('persons', 'integer', (c) => c.notNull())
    .addColumn('items', 'integer', (c) => c.notNull())
    .addColumn('log_lik', 'double precision', (c) => c.notNull())
    .addColumn('iterations', 'integer', (c) => c.notNull())
    .addColumn('converged', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('item_params')
    .addColumn('item_id', 'text', (c) => c.primaryKey())
    .addColumn('calibration_id', 'text', (c) => c.notNull().references('calibrations.id'))
    .addColumn('a', 'double precision', (c) => c.notNull())
    .addColumn('d', 'double precision', (c) => c.notNull())
    .addColumn('c', 'double precision')
    .addColumn('responses', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('attempts').addColumn('target', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('attempts').dropColumn('target').execute();
  await db.schema.dropTable('item_params').execute();
  await db.schema.dropTable('calibrations').execute();
}
