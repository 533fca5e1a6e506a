/**
 * Passwords people pick first and attackers try first, at least 10 characters long (shorter ones are
 * refused by length already). Compared case-insensitively, after removing spaces.
 */
const COMMON = new Set(
  [
    '1234567890', '0123456789', '0987654321', '9876543210', '12345678910', '123456789a', 'a123456789', '1234567890a',
    'qwertyuiop', 'qwertyuiop123', 'asdfghjkl1', 'asdfghjkl;', 'zxcvbnm123', '1q2w3e4r5t', '1q2w3e4r5t6y', 'q1w2e3r4t5',
    'qwerty1234', 'qwerty12345', 'qwerty123456', '1qaz2wsx3edc', 'zaq12wsxcde3', 'qazwsxedc123', 'azertyuiop', 'azerty1234',
    'password12', 'password123', 'password1234', 'password12345', 'passwordpassword', 'password!1', 'p@ssw0rd123', 'passw0rd123',
    'motdepasse', 'motdepasse1', 'motdepasse123', 'iloveyou12', 'iloveyou123', 'iloveyou1234', 'jetaime123', 'sunshine12',
    'sunshine123', 'princess12', 'princess123', 'football12', 'football123', 'baseball12', 'baseball123', 'superman123',
    'batman1234', 'welcome123', 'welcome1234', 'letmein123', 'letmein1234', 'admin12345', 'administrator', 'changeme123',
    'trustno1234', 'dragon1234', 'monkey1234', 'michael123', 'starwars123', 'pokemon123', 'computer12', 'computer123',
    'internet123', 'abcdefghij', 'abcdefghijk', 'abcdefg123', 'abc1234567', 'abcd123456', 'abcde12345', '1234abcd5678',
    'aa12345678', 'aaaa111111', 'a1b2c3d4e5', 'a1b2c3d4e5f6', 'certprep123', 'certprep1234', 'amazon1234', 'amazonaws1',
    'machinelearning', 'machinelearning1', 'qwertyqwerty', 'asdfasdfasdf', '11223344556', '1122334455', '1234512345',
    '1234554321', '5555555555', '1212121212', '1231231234', '7777777777', '0000000000', 'correcthorsebatterystaple',
  ].map((p) => p.toLowerCase()),
);

/** Why a password is refused, or null: whitespace only, one character repeated, a short pattern repeated, a run, a common password, or the user's own email or name. */
export function passwordProblem(password: string, about: { email?: string | undefined; name?: string | undefined } = {}): string | null {
  const squashed = password.replace(/\s+/g, '').toLowerCase();
  if (squashed.length === 0) return 'must not be only spaces';
  if (/^(.)\1*$/u.test(squashed)) return 'must not repeat one character';
  if (/^(.{2,4})\1+.{0,3}$/u.test(squashed)) return 'must not repeat a short pattern';
  if (isRun(squashed)) return 'must not be a run of letters or digits';
  if (COMMON.has(squashed)) return 'is one of the most common passwords: choose another';
  const local = about.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && squashed.includes(local.replace(/\s+/g, ''))) return 'must not contain your email address';
  const name = about.name?.replace(/\s+/g, '').toLowerCase();
  if (name && name.length >= 4 && squashed.includes(name)) return 'must not contain your name';
  return null;
}

/** "abcdefghij", "9876543210": each character one step from the previous one. */
function isRun(s: string): boolean {
  if (s.length < 4) return false;
  const step = s.charCodeAt(1) - s.charCodeAt(0);
  if (Math.abs(step) !== 1) return false;
  for (let i = 2; i < s.length; i++) if (s.charCodeAt(i) - s.charCodeAt(i - 1) !== step) return false;
  return true;
}
