import type { Kysely } from 'kysely';
import { THEMES, type Preferences, type Theme, type User } from '../../core/api/contracts.ts';
import { formatRoles, parseRoles, type Role } from '../../core/auth/roles.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;
/** A user row as the API sees it (the same mapping for a session's user). */
type UserRow = { id: string; email: string; name: string; locale: string; exam: string | null; exam_date: string | null; theme: string; calibration_consent: number; roles: string };
/** The password hash of an account that cannot sign in with a password: made by a course platform's launch, or an anonymous stand-in. No password matches it. */
export const NO_PASSWORD = '!';

export const toUser = (r: UserRow): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  locale: r.locale === 'fr' ? 'fr' : 'en',
  exam: r.exam,
  examDate: r.exam_date,
  theme: (THEMES as readonly string[]).includes(r.theme) ? (r.theme as Theme) : 'system',
  calibrationConsent: r.calibration_consent === 1,
  roles: parseRoles(r.roles),
});

export const users = {
  async insert(db: Db, u: { id: string; email: string; name: string; passwordHash: string; locale: string; calibrationConsent?: boolean; roles?: Role[]; now: number }): Promise<User> {
    const row = { id: u.id, email: u.email, name: u.name, password_hash: u.passwordHash, locale: u.locale, created_ms: u.now, exam: null, exam_date: null, theme: 'system', calibration_consent: u.calibrationConsent ? 1 : 0, roles: formatRoles(u.roles ?? []) };
    await db.insertInto('users').values(row).execute();
    return toUser(row);
  },
  async byEmail(db: Db, email: string): Promise<(User & { passwordHash: string }) | undefined> {
    const r = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    return r ? { ...toUser(r), passwordHash: r.password_hash } : undefined;
  },
  async byId(db: Db, id: string): Promise<User | undefined> {
    const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toUser(r) : undefined;
  },
  async setLocale(db: Db, id: string, locale: string): Promise<void> {
    await db.updateTable('users').set({ locale }).where('id', '=', id).execute();
  },
  async setExam(db: Db, id: string, exam: string, examDate: string | null): Promise<void> {
    await db.updateTable('users').set({ exam, exam_date: examDate }).where('id', '=', id).execute();
  },
  async setPreferences(db: Db, id: string, p: Preferences): Promise<void> {
    await db
      .updateTable('users')
      .set({ ...(p.theme !== undefined ? { theme: p.theme } : {}), ...(p.calibrationConsent !== undefined ? { calibration_consent: p.calibrationConsent ? 1 : 0 } : {}) })
      .where('id', '=', id)
      .execute();
  },
  async passwordHash(db: Db, id: string): Promise<string | undefined> {
    return (await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst())?.password_hash;
  },
  async setPassword(db: Db, id: string, passwordHash: string): Promise<void> {
    await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
  },
  async setRoles(db: Db, id: string, roles: readonly Role[]): Promise<void> {
    await db.updateTable('users').set({ roles: formatRoles(roles) }).where('id', '=', id).execute();
  },
  /** Whether any account holds the administrator role. */
  async anyAdmin(db: Db): Promise<boolean> {
    return !!(await db.selectFrom('users').select('id').where('roles', 'like', '%admin%').limit(1).executeTakeFirst());
  },
  async countAdmins(db: Db): Promise<number> {
    const rows = await db.selectFrom('users').select('roles').where('roles', 'like', '%admin%').execute();
    return rows.filter((r) => parseRoles(r.roles).includes('admin')).length;
  },
  /** Accounts for the administrator's list, by email, optionally those whose email or name contains `query`. */
  async list(db: Db, opts: { query?: string | undefined; limit: number; offset: number }): Promise<{ users: User[]; total: number }> {
    let q = db.selectFrom('users');
    if (opts.query) {
      const like = `%${opts.query.toLowerCase().replace(/[%_\\]/g, '')}%`;
      q = q.where((eb) => eb.or([eb(eb.fn('lower', ['email']), 'like', like), eb(eb.fn('lower', ['name']), 'like', like)]));
    }
    const [rows, count] = await Promise.all([q.selectAll().orderBy('email').limit(opts.limit).offset(opts.offset).execute(), q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()]);
    return { users: rows.map(toUser), total: Number(count?.n ?? 0) };
  },
  /** Whether an account other than `id` can sign in (the stand-ins kept for anonymised answers cannot). */
  async othersCanSignIn(db: Db, id: string): Promise<boolean> {
    return !!(await db.selectFrom('users').select('id').where('id', '<>', id).where('password_hash', '<>', NO_PASSWORD).limit(1).executeTakeFirst());
  },
  async any(db: Db): Promise<boolean> {
    return !!(await db.selectFrom('users').select('id').limit(1).executeTakeFirst());
  },
};
