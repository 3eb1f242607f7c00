import { Logger } from '@aws-lambda-powertools/logger';
import { redactingReplacer } from './redaction.js';

// One logger per process. The replacer runs on every serialised key, so a careless
// `logger.info('x', { body })` still cannot leak an SSN or a key.
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'bankline',
  jsonReplacerFn: redactingReplacer,
});
