import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../../core/auth/roles.ts';
import { AppError } from '../../server/errors.ts';
import { AccountService } from '../../server/services/account-service.ts';
import { AdminService } from '../../server/services/admin-service.ts';
import { openStore } from '../open-store.ts';

const USAGE = [
  'usage: certprep users reset-password EMAIL [--database URL]',
  '       certprep users create-admin EMAIL [--name NAME] [--database URL]',
  `       certprep users role EMAIL ${ROLES.join('|')} [--remove] [--database URL]`,
].join('\n');

/**
 * Accounts from the command line, for whoever runs the server:
 * - `reset-password EMAIL`: a new random password, printed once; every session of the account ends.
 *   With no mail server, this is how an administrator lets a user back in.
 * - `create-admin EMAIL`: the account becomes an administrator (created, with a random password printed
 *   once, when no account has the email): the first administrator of a server others can reach.
 * - `role EMAIL ROLE [--remove]`: gives or takes a role (the last administrator keeps theirs).
 * Exit 0 on success, 1 when the account or the change is refused, 2 on a usage error.
 */
export async function usersCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { database: { type: 'string' }, name: { type: 'string' }, remove: { type: 'boolean' } } });
  } catch (e) {
    console.error(`certprep users: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const [action, email, ...rest] = parsed.positionals;
  const role = action === 'role' ? rest.shift() : undefined;
  const known = action === 'reset-password' || action === 'create-admin' || (action === 'role' && role !== undefined);
  if (!known || !email || rest.length > 0) {
    console.error(USAGE);
    return 2;
  }
  if (role !== undefined && !(ROLES as readonly string[]).includes(role)) {
    console.error(`certprep users: "${role}" is not a role; the roles are ${ROLES.join(', ')} (everyone is a candidate).`);
    return 2;
  }
  const handle = await openStore(parsed.values.database);
  try {
    const admin = new AdminService({ db: handle.db, now: Date.now, loopbackOnly: false });
    if (action === 'reset-password') {
      const { user, password } = await new AccountService({ db: handle.db, now: Date.now }).resetPassword(email);
      console.log(`New password for ${user.email}: ${password}`);
      console.log('Every session of this account has ended. Give the password to its owner and ask them to change it (Settings, Password).');
    } else if (action === 'create-admin') {
      const { user, password } = await admin.createAdmin(email, parsed.values.name ?? '');
      if (password) console.log(`Created ${user.email}, administrator, with the password: ${password}\nGive it to its owner and ask them to change it (Settings, Password).`);
      else console.log(`${user.email} is now an administrator.`);
    } else {
      const user = await admin.changeRole(email, role as Role, !parsed.values.remove);
      console.log(`${user.email}: ${user.roles.length ? user.roles.join(', ') : 'candidate only'}.`);
    }
    return 0;
  } catch (e) {
    if (e instanceof AppError && e.status === 404) {
      console.error(`certprep users: no account has the email ${email}.`);
      return 1;
    }
    if (e instanceof AppError) {
      console.error(`certprep users: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await handle.close();
  }
}
