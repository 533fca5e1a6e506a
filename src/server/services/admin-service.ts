import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { User } from '../../core/api/contracts.ts';
import { ROLES, type Role } from '../../core/auth/roles.ts';
import { appSettings } from '../../db/repositories/app-settings.ts';
import { users } from '../../db/repositories/users.ts';
import type { Database } from '../../db/schema.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { hashPassword } from './password-hash.ts';
import { normaliseCode, randomCode } from './random-code.ts';

const SETUP_CODE_KEY = 'admin-setup-code';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * The administrators and the roles they give. The first administrator: on a server reachable only from
 * its own machine, the first account; otherwise whoever enters the one-time setup code the server printed
 * at start-up (or one made with `certprep users create-admin`).
 */
export class AdminService {
  constructor(private readonly deps: { db: Kysely<Database>; now: () => number; loopbackOnly: boolean }) {}

  /** The roles a new account starts with: administrator on a laptop server that has none. */
  async rolesForNewAccount(): Promise<Role[]> {
    if (!this.deps.loopbackOnly) return [];
    // No administrator (a new laptop server, or one whose only administrator deleted their account): this one is.
    return (await users.anyAdmin(this.deps.db)) ? [] : ['admin'];
  }

  /**
   * At start-up of a server others can reach and that has no administrator: a new one-time code (its
   * hash kept, replacing any earlier one), to be printed for whoever runs the server. Undefined when an
   * administrator exists or the server is reachable only from its own machine.
   */
  async issueSetupCode(): Promise<string | undefined> {
    const { db, now, loopbackOnly } = this.deps;
    if (loopbackOnly || (await users.anyAdmin(db))) return undefined;
    const code = randomCode(20); // 100 bits
    await appSettings.set(db, SETUP_CODE_KEY, sha256(normaliseCode(code)), now());
    return code;
  }

  /** The signed-in user enters the setup code: they become the administrator, and the code is spent. */
  async claim(user: User, code: string): Promise<User> {
    const { db } = this.deps;
    if (await users.anyAdmin(db)) throw conflict('admin-exists', 'This server already has an administrator: ask them for a role.');
    const stored = await appSettings.get(db, SETUP_CODE_KEY);
    const given = Buffer.from(sha256(normaliseCode(code)));
    if (!stored || stored.length !== given.length || !timingSafeEqual(Buffer.from(stored), given)) throw badRequest('That setup code is not the one the server printed at start-up: check it, or restart the server for a new one.');
    // Deleting first makes the code single-use even when two requests race.
    if (!(await appSettings.delete(db, SETUP_CODE_KEY))) throw conflict('admin-exists', 'The setup code was just used: this server has an administrator.');
    const roles: Role[] = [...new Set<Role>([...user.roles, 'admin'])];
    await users.setRoles(db, user.id, roles);
    return { ...user, roles };
  }

  async list(query: string | undefined, page: number): Promise<{ users: User[]; total: number; page: number; pageSize: number }> {
    const pageSize = 50;
    const found = await users.list(this.deps.db, { query, limit: pageSize, offset: (page - 1) * pageSize });
    return { ...found, page, pageSize };
  }

  /**
   * `certprep users create-admin EMAIL`: the account becomes an administrator; created first, with a
   * random password to print once, when no account has the email.
   */
  async createAdmin(email: string, name: string): Promise<{ user: User; password?: string }> {
    const { db, now } = this.deps;
    const address = email.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) throw badRequest(`"${email}" is not an email address.`);
    const found = await users.byEmail(db, address);
    if (found) {
      const roles: Role[] = [...new Set<Role>([...found.roles, 'admin'])];
      await users.setRoles(db, found.id, roles);
      const { passwordHash: _, ...user } = found;
      return { user: { ...user, roles } };
    }
    const password = randomBytes(15).toString('base64url');
    const user = await users.insert(db, { id: randomUUID(), email: address, name: name.trim() || address.split('@')[0]!, passwordHash: await hashPassword(password), locale: 'en', roles: ['admin'], now: now() });
    return { user, password };
  }

  /** `certprep users role EMAIL ROLE [--remove]`: gives or takes one role, by email. */
  async changeRole(email: string, role: Role, give: boolean): Promise<User> {
    const found = await users.byEmail(this.deps.db, email.trim().toLowerCase());
    if (!found) throw notFound(`The account ${email}`);
    const roles = give ? [...new Set<Role>([...found.roles, role])] : found.roles.filter((r) => r !== role);
    return this.setRoles(found.id, roles);
  }

  /** Gives a user exactly these roles; the last administrator cannot lose the role (no one could give it back). */
  async setRoles(userId: string, roles: Role[]): Promise<User> {
    const { db } = this.deps;
    const user = await users.byId(db, userId);
    if (!user) throw notFound('The account');
    if (user.roles.includes('admin') && !roles.includes('admin') && (await users.countAdmins(db)) <= 1) {
      throw conflict('last-admin', 'This is the only administrator: give another account the administrator role first.');
    }
    const ordered = ROLES.filter((r) => roles.includes(r));
    await users.setRoles(db, userId, ordered);
    return { ...user, roles: ordered };
  }
}
