import { Logger } from '@aws-lambda-powertools/logger';
import { redactingReplacer } from './redaction.js';

// One logger per process. The replacer runs on every serialised key, so a careless
// `logger.info('x', { body })` still cannot leak an SSN or a key.
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'bankline',
  jsonReplacerFn: redactingReplacer,
});

let requestKeyNames: readonly string[] = [];

/**
 * The keys every line of the current invocation carries (correlation id, route), replacing the
 * previous invocation's: a warm container must not carry them over. Per-invocation keys are set
 * here and nowhere else. Powertools' resetKeys costs as much as appendKeys twice over (both read
 * process.env several times), so it runs only when the set of names changes; the same names are
 * simply overwritten.
 */
export const setRequestKeys = (keys: Readonly<Record<string, string | undefined>>): void => {
  const names = Object.keys(keys);
  if (names.length !== requestKeyNames.length || names.some((name, i) => name !== requestKeyNames[i])) {
    logger.resetKeys();
    requestKeyNames = names;
  }
  logger.appendKeys(keys);
};
