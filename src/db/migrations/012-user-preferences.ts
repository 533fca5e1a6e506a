import type { Kysely } from 'kysely';

/**
 * Preferences kept with the account: the colour theme (`system`, `light`, `dark`, `contrast`), and
 * whether the user agrees that their responses be kept, anonymised, for calibration if they delete
 * their account (asked at sign-up, unticked by default; changeable in the settings).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('theme', 'text', (c) => c.notNull().defaultTo('system')).execute();
  await db.schema.alterTable('users').addColumn('calibration_consent', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('calibration_consent').execute();
  await db.schema.alterTable('users').dropColumn('theme').execute();
}
