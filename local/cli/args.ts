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
