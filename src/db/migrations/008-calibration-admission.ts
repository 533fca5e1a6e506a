import type { Kysely } from 'kysely';

/**
 * What a calibration left provisional and why (listed for review), the latent SD its fit estimated
 * (stored parameters are rescaled to N(0, 1)), its warnings, and each exam's reference form frozen
 * with it (item ids and Angoff ratings), so the cut does not drift as the bank grows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('calibrations').addColumn('fitted_sd', 'double precision').execute();
  await db.schema.alterTable('calibrations').addColumn('warnings', 'text').execute();
  await db.schema
    .createTable('calibration_left_out')
    .addColumn('calibration_id', 'text', (c) => c.notNull().references('calibrations.id'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('responses', 'integer', (c) => c.notNull())
    .addColumn('flagged', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('calibration_left_out_pk', ['calibration_id', 'item_id'])
    .execute();
  await db.schema
    .createTable('calibration_reference')
    .addColumn('calibration_id', 'text', (c) => c.notNull().references('calibrations.id'))
    .addColumn('exam_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('angoff', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('calibration_reference_pk', ['calibration_id', 'exam_id', 'item_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calibration_reference').execute();
  await db.schema.dropTable('calibration_left_out').execute();
  await db.schema.alterTable('calibrations').dropColumn('warnings').execute();
  await db.schema.alterTable('calibrations').dropColumn('fitted_sd').execute();
}
