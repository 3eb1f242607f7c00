import { pointFunctionsAt } from '../functions-env.js';
import { CliError } from '../keys-commands.js';
import { type LocalData, openLocalData } from '../local-data.js';

/**
 * Where a data CLI works (DATA_OPTIONS): AWS's table with --table and a region, or else the
 * twin's data (DynamoDB Local, started when no twin runs). Returns the local data to close, if any.
 */
export const openDataTarget = async (opts: { table?: string; region?: string; yes?: boolean }): Promise<LocalData | undefined> => {
  if (!opts.table) return openLocalData(undefined, { yes: opts.yes ?? false });
  const region = opts.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  if (!region) throw new CliError('--region is required with --table', 2);
  pointFunctionsAt({ tableName: opts.table, region });
  return undefined;
};
