import { parseArgs } from 'node:util';

/** A CLI command: takes its own arguments, returns the process exit code. */
export type Command = (argv: string[]) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  serve: { summary: 'run the web app and API (npm start)', load: async () => (await import('./commands/serve.ts')).serve },
  calibrate: { summary: 'IRT calibration (Rasch, 2PL, 3PL) of a responses CSV', load: async () => (await import('./commands/calibrate.ts')).calibrate },
  items: { summary: 'classical item analysis of stored responses, worst items first (items stats)', load: async () => (await import('./commands/items.ts')).items },
  validate: { summary: 'check the bank: schema and references, as path:line:col', load: async () => (await import('./commands/validate.ts')).validate },
  lint: { summary: 'validate, then lint the bank: stems, keys, wording, duplicates, references, scope, coverage', load: async () => (await import('./commands/lint.ts')).lint },
  bank: { summary: 'bank tools: report (coverage against the blueprint)', load: async () => (await import('./commands/bank.ts')).bank },
  study: { summary: 'study path: report (each module’s lesson, flash cards and quiz pool) --exam ID [--json]', load: async () => (await import('./commands/study.ts')).study },
  import: { summary: 'import items from QTI 3.0, Moodle XML, GIFT, Aiken, Markdown or CSV', load: async () => (await import('./commands/import.ts')).importCommand },
  users: { summary: 'accounts: reset-password EMAIL, create-admin EMAIL, role EMAIL ROLE [--remove]', load: async () => (await import('./commands/users.ts')).usersCommand },
  backup: { summary: 'a consistent copy of the live SQLite store: backup FILE [--database URL]', load: async () => (await import('./commands/backup.ts')).backupCommand },
  restore: { summary: 'put a backup in place of the SQLite store (server stopped): restore FILE [--database URL]', load: async () => (await import('./commands/backup.ts')).restoreCommand },
  lti: { summary: 'LTI 1.3 tool: rotate-key, register --issuer … (a platform), platforms', load: async () => (await import('./commands/lti.ts')).ltiCommand },
  export: { summary: 'export the bank as QTI 3.0, Moodle XML, GIFT, Aiken, Markdown, CSV or YAML', load: async () => (await import('./commands/export.ts')).exportCommand },
};

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  return ['usage: certprep <command> [options]', '', ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv.slice(0, 1), allowPositionals: true, strict: false });
  const name = positionals[0];
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`certprep: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  return (await command.load())(argv.slice(1));
}

// A reader that stops early (`certprep study report | head`) closes the pipe: that ends the command
// quietly, as it does for any Unix tool, instead of crashing on the next write.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`certprep: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
