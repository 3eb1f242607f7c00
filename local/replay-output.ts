import type { CreatedRecord, ReplayOutcome } from './replay.js';

// Human-readable rendering of a replay: status line, headers, pretty JSON body; for other
// trigger kinds, what the function returned (or why it failed).

const prettyBody = (text: string): string => {
  if (text === '') return '(empty body)';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
};

export const formatReplayOutcome = (outcome: ReplayOutcome): string => {
  switch (outcome.kind) {
    case 'authorizer-denied':
      return `Authorizer refused: ${outcome.error}${outcome.error === 'Unauthorized' ? ' (API Gateway answers 401)' : ' (API Gateway answers 500)'}`;
    case 'authorizer':
      return `Authorizer allowed principal ${outcome.result.principalId}\n${JSON.stringify(outcome.result, null, 2)}`;
    case 'function':
      return `${outcome.function} (${outcome.trigger}) returned\n${JSON.stringify(outcome.result, null, 2)}`;
    case 'function-failed':
      return `${outcome.function} (${outcome.trigger}) failed: ${outcome.error}`;
    case 'proxy': {
      const { statusCode, headers, body } = outcome.response;
      const headerLines = Object.entries(headers).flatMap(([name, value]) =>
        (Array.isArray(value) ? value : [value]).map((v) => `${name}: ${v}`),
      );
      return [`HTTP ${statusCode}`, ...headerLines, '', prettyBody(body.toString('utf8'))].join('\n');
    }
  }
};

/** What the placeholders created, so a developer can reuse it: `--set account_id=<id>`. Vendor tokens are not shown. */
export const formatCreatedRecords = (records: readonly CreatedRecord[]): string => {
  if (records.length === 0) return '';
  const lines = records.map(
    (r) => `  {{${r.placeholder}}}  ${r.placeholder.endsWith('_token') ? '(vendor token, not shown)' : r.id}  by ${r.by}`,
  );
  return ['Created for the placeholders (reuse one with --set <placeholder>=<id>):', ...lines].join('\n');
};
