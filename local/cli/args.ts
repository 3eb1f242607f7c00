import { type ParseArgsConfig, parseArgs } from 'node:util';

// Every CLI parses its flags here: `--help` (or -h) prints the usage and exits 0 before anything
// happens, and a flag it does not know prints the usage and one line of error and exits 2,
// never a stack trace.

type Parsed<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

export const usageError = (usage: string, message: string): never => {
  console.error(usage);
  console.error(`error: ${message.split('\n', 1)[0]?.replace(/\. To specify a positional.*/, '')}`);
  process.exit(2);
};

export const parseCli = <T extends ParseArgsConfig & { options: { help: { type: 'boolean' } } }>(usage: string, config: T): Parsed<T> => {
  const args = config.args ?? process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parseArgs({ ...config, args, strict: true }) as unknown as Parsed<T>;
  } catch (error) {
    return usageError(usage, (error as Error).message);
  }
};

export const HELP = { type: 'boolean', short: 'h', default: false } as const;

/** The flags of every CLI that works on the table: the twin's by default, AWS's with --table/--region. */
export const DATA_OPTIONS = {
  table: { type: 'string' },
  region: { type: 'string' },
  json: { type: 'boolean', default: false },
  yes: { type: 'boolean', default: false },
  help: HELP,
} as const;
