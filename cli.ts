import { parseArgs } from 'node:util';
import { ConfigError, config } from './app/platform/config.server';
import { closeDatabase } from './app/data/db.server';

const HELP = `WishBridge command line — npm run cli -- <command> [options]

Commands:
  migrate                               apply database migrations
  seed --demo                           load the demo data set (only into an empty database)
  seed --scale N                        the demo data set plus bulk volume for benchmarks (N wishes, N claims,
                                        N/10 activities, 3N/10 slots, N/20 volunteers, N/50 children, 2N audit
                                        rows…), only into an empty database
  user:create --email E --password P --role admin|staff|volunteer [--site CODE] [--name N]
                                        create an account (staff need --site)
  backup --out FILE                     online backup of the database to FILE (safe while the server runs)
  restore --from FILE --to NEWFILE      restore a backup into a new database file (never overwrites; checks integrity)
  outbox:flush                          send (or keep, without RESEND_API_KEY) all mail that is due
  outbox:show --to EMAIL                the newest unsent mail to EMAIL with its links (needs the mail link key)
  report --from YYYY-MM-DD --to YYYY-MM-DD [--site CODE] [--format json|text|csv]
                                        the figures of a period (Asia/Shanghai dates, inclusive) over a site
                                        subtree (default: every site); text is the table and the paragraph
  explain                               EXPLAIN QUERY PLAN of every query of the hot pages, flagging full scans of big
                                        tables and temporary B-trees for sorting (exit 1 when any is flagged)
  claims:expire                         expire overdue wish claims (their wishes open again) and queue due reminders
  help                                  show this text

Environment: DATABASE_PATH (default data/app.db), RESEND_API_KEY, MAIL_FROM, MAIL_LINK_KEY.`;

type Options = Record<string, { type: 'string' | 'boolean' }>;

const COMMANDS: Record<string, { options: Options; run: (values: Record<string, string | boolean | undefined>) => Promise<string> }> = {
  migrate: {
    options: {},
    async run() {
      const { migrateDatabase } = await import('./app/server/maintenance.server');
      const { wasNew } = migrateDatabase();
      return wasNew ? 'Created a new database and applied all migrations.' : 'Migrations are up to date.';
    },
  },
  seed: {
    options: { demo: { type: 'boolean' }, scale: { type: 'string' } },
    async run(values) {
      if (values.scale !== undefined) return seedScaleCommand(String(values.scale));
      if (!values.demo) throw new UsageError('seed needs --demo or --scale N');
      const { migrateDatabase, seedDemoData, hasAnyUser } = await import('./app/server/maintenance.server');
      migrateDatabase();
      if (hasAnyUser()) throw new UsageError('the database already holds accounts; demo data goes only into a new database');
      const summary = await seedDemoData(Date.now(), (step) => console.log(`  ${step}`));
      return `Demo data loaded: ${JSON.stringify(summary)}`;
    },
  },
  'user:create': {
    options: { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, site: { type: 'string' }, name: { type: 'string' } },
    async run(values) {
      const { createUserFromCli } = await import('./app/services/accounts-cli.server');
      const result = await createUserFromCli({
        email: String(values.email ?? ''),
        password: String(values.password ?? ''),
        role: String(values.role ?? ''),
        site: values.site as string | undefined,
        name: values.name as string | undefined,
      });
      if (!result.ok) throw new UsageError(result.message);
      return `Created ${result.role} ${result.email} (id ${result.id}).`;
    },
  },
  backup: {
    options: { out: { type: 'string' } },
    async run(values) {
      if (typeof values.out !== 'string' || !values.out) throw new UsageError('backup needs --out FILE');
      const { backupDatabase } = await import('./app/server/maintenance.server');
      const { pages } = await backupDatabase(values.out);
      return `Backup written to ${values.out} (${pages} pages).`;
    },
  },
  restore: {
    options: { from: { type: 'string' }, to: { type: 'string' } },
    async run(values) {
      if (typeof values.from !== 'string' || !values.from) throw new UsageError('restore needs --from FILE (a backup) and --to NEWFILE');
      if (typeof values.to !== 'string' || !values.to)
        throw new UsageError('restore needs an explicit --to NEWFILE: a new file, never the database of a running server; then start with DATABASE_PATH=NEWFILE');
      const { restoreDatabase, RestoreRefused } = await import('./app/server/maintenance.server');
      try {
        const r = await restoreDatabase(values.from, values.to);
        return [
          `Restored ${values.from} into ${values.to} (${r.pages} pages, integrity_check ok, ${r.users} accounts).`,
          r.keyCopied
            ? 'The mail link key file was copied along.'
            : 'No mail link key file next to the backup: pending mail with links will fail unless MAIL_LINK_KEY is the one it was sealed with.',
          `Start the server on it with DATABASE_PATH=${values.to}.`,
        ].join('\n');
      } catch (error) {
        if (error instanceof RestoreRefused) throw new UsageError(error.message);
        throw error;
      }
    },
  },
  report: {
    options: { from: { type: 'string' }, to: { type: 'string' }, site: { type: 'string' }, format: { type: 'string' } },
    async run(values) {
      const { reportFromCli } = await import('./app/services/reports.server');
      const result = reportFromCli({
        from: values.from as string | undefined,
        to: values.to as string | undefined,
        site: values.site as string | undefined,
        format: values.format as string | undefined,
      });
      if (!result.ok) throw new UsageError(result.message);
      return result.output;
    },
  },
  explain: {
    options: {},
    async run() {
      const { explainHotPages, explainReport } = await import('./scripts/explain');
      const findings = explainHotPages();
      const report = explainReport(findings);
      if (findings.some((f) => f.flags.length)) throw new PlanFlagged(report);
      return report;
    },
  },
  'claims:expire': {
    options: {},
    async run() {
      const { runClaimJobs } = await import('./app/services/claims.server');
      const r = runClaimJobs(Date.now());
      return `Claims: ${r.expired} expired, ${r.reminded} reminders queued.`;
    },
  },
  'outbox:show': {
    options: { to: { type: 'string' } },
    async run(values) {
      if (typeof values.to !== 'string' || !values.to) throw new UsageError('outbox:show needs --to EMAIL');
      const { listOutbox } = await import('./app/data/outbox.server');
      const { bodyWithLinks } = await import('./app/mail/links.server');
      const mail = listOutbox(5, values.to).filter((m) => m.status === 'pending' || m.status === 'kept');
      if (mail.length === 0) return `No unsent mail to ${values.to} (sent mail keeps no link).`;
      return mail.map((m) => `--- ${m.subject} (${m.template}, ${m.status}, ${new Date(m.createdAt).toISOString()})\n${bodyWithLinks(m)}`).join('\n\n');
    },
  },
  'outbox:flush': {
    options: {},
    async run() {
      const { flushOutbox } = await import('./app/mail/worker.server');
      const r = await flushOutbox(Date.now());
      return `Outbox: ${r.sent} sent, ${r.failed} failed, ${r.kept} kept (no RESEND_API_KEY).`;
    },
  },
};

class UsageError extends Error {}
/** The explain report, when some plan was flagged: printed whole, with exit code 1. */
class PlanFlagged extends Error {}

async function seedScaleCommand(text: string): Promise<string> {
  const n = /^[1-9][0-9]{0,8}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n)) throw new UsageError('seed --scale needs a whole number N between 1 and 999999999');
  const { migrateDatabase, seedDemoData, seedScaleData, hasAnyUser } = await import('./app/server/maintenance.server');
  migrateDatabase();
  if (hasAnyUser()) throw new UsageError('the database is not empty (it holds accounts): seed --scale loads only into a new, empty database');
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  const now = Date.now();
  await seedDemoData(now);
  console.log(`[${seconds()} s] demo data set loaded`);
  let last = '';
  const summary = seedScaleData(n, now, (table, done, total) => {
    const line = `[${seconds()} s] ${table}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`;
    if (line !== last) console.log(line);
    last = line;
  });
  return `Scale data loaded (N = ${n}) in ${seconds()} s: ${JSON.stringify(summary)}`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(HELP);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Unknown command "${name}". Run "npm run cli -- --help" for the list.`);
    return 2;
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: rest, options: command.options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    console.error(`${name}: ${(error as Error).message}`);
    return 2;
  }
  try {
    config();
    console.log(await command.run(values));
    return 0;
  } catch (error) {
    if (error instanceof PlanFlagged) {
      console.log(error.message);
      return 1;
    }
    if (error instanceof UsageError || error instanceof ConfigError) {
      console.error(`${name}: ${error.message}`);
      return 1;
    }
    console.error(`${name} failed: ${(error as Error).message}`);
    return 1;
  } finally {
    closeDatabase();
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
