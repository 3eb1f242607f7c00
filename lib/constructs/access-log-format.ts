// One JSON line per request. Deliberately absent: request and response headers (the
// Authorization header carries the API key) and bodies (PII). `principalId` is what the
// authorizer returned for the key (the key id), never the key itself.
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';

const FIELDS: Record<string, string> = {
  requestId: '$context.requestId',
  extendedRequestId: '$context.extendedRequestId',
  xrayTraceId: '$context.xrayTraceId',
  requestTime: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  caller: '$context.authorizer.principalId',
  method: '$context.httpMethod',
  resourcePath: '$context.resourcePath',
  path: '$context.path',
  protocol: '$context.protocol',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  authorizerLatencyMs: '$context.authorizer.latency',
  errorType: '$context.error.responseType',
  waf: '$context.wafResponseCode',
};

// error.messageString is the message already quoted and escaped by API Gateway, so it is
// spliced in unquoted; a raw $context.error.message could break the JSON line.
const ERROR_MESSAGE = '"error":$context.error.messageString';

export function accessLogFormat(): AccessLogFormat {
  const quoted = JSON.stringify(FIELDS);
  return AccessLogFormat.custom(`${quoted.slice(0, -1)},${ERROR_MESSAGE}}`);
}

export const ACCESS_LOG_FIELDS = [...Object.keys(FIELDS), 'error'];
