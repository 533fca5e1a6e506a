import { parseArgs } from 'node:util';
import { AppError } from '../../server/errors.ts';
import { AccountService } from '../../server/services/account-service.ts';
import { openStore } from '../open-store.ts';

const USAGE = 'usage: certprep users reset-password EMAIL [--database URL]';

/**
 * `certprep users reset-password EMAIL`: gives the account a new random password, printed once, and
 * ends all its sessions. With no mail server, this is how an administrator lets a user back in.
 * Exit 0 on success, 1 when no account has that email, 2 on a usage error.
 */
export async function usersCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { database: { type: 'string' } } });
  } catch (e) {
    console.error(`certprep users: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const [action, email, ...rest] = parsed.positionals;
  if (action !== 'reset-password' || !email || rest.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const handle = await openStore(parsed.values.database);
  try {
    const { user, password } = await new AccountService({ db: handle.db, now: Date.now }).resetPassword(email);
    console.log(`New password for ${user.email}: ${password}`);
    console.log('Every session of this account has ended. Give the password to its owner and ask them to change it (Settings, Password).');
    return 0;
  } catch (e) {
    if (e instanceof AppError && e.status === 404) {
      console.error(`certprep users: no account has the email ${email}.`);
      return 1;
    }
    throw e;
  } finally {
    await handle.close();
  }
}
