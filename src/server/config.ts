import { z } from 'zod';

/** Start-up settings, read once from the environment, validated, frozen. */
export const configSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().min(1).default('127.0.0.1'),
  databaseUrl: z.string().min(1).default('./data/certprep.db'),
  contentDir: z.string().min(1).default('content'),
  webDir: z.string().min(1).default('web/dist'),
  sqliteSynchronous: z.enum(['FULL', 'NORMAL']).default('FULL'),
  /** Secure cookies (HTTPS only); on by default in production. */
  secureCookies: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  sessionDays: z.coerce.number().int().min(1).max(365).default(30),
  sessionIdleHours: z.coerce.number().int().min(1).max(24 * 365).default(24),
  signInLimitPerMinute: z.coerce.number().int().min(1).max(10_000).default(10),
  signUpLimitPerHour: z.coerce.number().int().min(1).max(100_000).default(20),
  /** `open` (anyone may create an account) or `closed` (only the first account; the others by invitation). */
  registration: z.enum(['open', 'closed']).default('open'),
  /** Reverse proxies to trust for the client's address: `true` (any), or their addresses/CIDRs separated by commas. */
  trustProxy: z
    .string()
    .regex(/^(true|false|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/, "use true, false, or the proxies' addresses separated by commas")
    .transform((v): boolean | string[] => (v === 'true' ? true : v === 'false' ? false : v.split(',')))
    .default(false),
  /** The bearer token that opens `/metrics` (Prometheus); unset, there is no metrics route. */
  metricsToken: z.string().min(16, 'must be at least 16 characters').optional(),
  /** The server's public origin as browsers and LTI platforms reach it (behind a proxy: its https address). */
  publicUrl: z
    .string()
    .url('is not a web address')
    .transform((u) => new URL(u).origin)
    .optional(),
});
export type Config = Readonly<z.infer<typeof configSchema>>;

const ENV: Record<keyof z.input<typeof configSchema>, string> = {
  port: 'PORT',
  host: 'HOST',
  databaseUrl: 'DATABASE_URL',
  contentDir: 'CERTPREP_CONTENT',
  webDir: 'CERTPREP_WEB',
  sqliteSynchronous: 'SQLITE_SYNCHRONOUS',
  secureCookies: 'SECURE_COOKIES',
  logLevel: 'LOG_LEVEL',
  sessionDays: 'SESSION_DAYS',
  sessionIdleHours: 'SESSION_IDLE_HOURS',
  signInLimitPerMinute: 'SIGNIN_LIMIT_PER_MINUTE',
  signUpLimitPerHour: 'SIGNUP_LIMIT_PER_HOUR',
  registration: 'REGISTRATION',
  trustProxy: 'TRUST_PROXY',
  metricsToken: 'METRICS_TOKEN',
  publicUrl: 'PUBLIC_URL',
};

/** Reads the config from environment variables (and overrides, e.g. from flags); lists every invalid one. */
export function readConfig(env: Record<string, string | undefined>, overrides: Partial<Record<keyof Config, unknown>> = {}): Config {
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(ENV)) if (env[name] !== undefined && env[name] !== '') raw[key] = env[name];
  Object.assign(raw, Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)));
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const key = String(i.path[0]) as keyof typeof ENV;
      return `  ${ENV[key] ?? key}: ${i.message}`;
    });
    throw new Error(`invalid settings:\n${lines.join('\n')}`);
  }
  return Object.freeze(parsed.data);
}
