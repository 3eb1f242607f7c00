// The function registry: every Lambda Bankline deploys, as pure data beside the route table.
// CDK builds each function (its environment and its grants) from its entry here; the twin,
// `npm run replay`, the events generator and the bench find handlers here. Adding a function
// is one entry plus its handler module (and, for a trigger other than HTTP, its sample event in
// local/function-samples.ts; a test fails until it exists). No imports but the route table's
// types, so reading it never pulls handler code into the CDK app or the other way round.
import type { Domain } from './routes.js';

/** How a function is invoked; each kind has its own event shape and sample in `events/`. */
export type Trigger =
  | { readonly kind: 'http'; readonly domain: Domain }
  | { readonly kind: 'authorizer' }
  | { readonly kind: 'workflow-task'; readonly stateMachine: string }
  | { readonly kind: 'table-stream' }
  | { readonly kind: 'queue'; readonly queue: string }
  | { readonly kind: 'schedule'; readonly expression: string };

export type TriggerKind = Trigger['kind'];

export const TRIGGER_KINDS: readonly TriggerKind[] = ['http', 'authorizer', 'workflow-task', 'table-stream', 'queue', 'schedule'];

/**
 * Environment variables a function may need. Each function lists only its own, and validates
 * exactly those at cold start (functions/shared/config.ts); CDK resolves each name to a value in
 * one place (lib/function-environment.ts). Variables every function gets (STAGE, LOG_LEVEL, ...)
 * are not listed here.
 */
export const ENV_NAMES = [
  'TABLE_NAME',
  'PAGE_TOKEN_SECRET_ARN',
  // External accounts' aggregators: stage configuration, and the two secrets (credentials; the
  // key vendor access tokens are encrypted with, apart from the table's).
  'VENDOR_ENVIRONMENT',
  'PLAID_BASE_URL',
  'FINICITY_BASE_URL',
  'VENDOR_CREDENTIALS_SECRET_ARN',
  'VENDOR_TOKEN_KEY_SECRET_ARN',
  'DELIVERY_QUEUE_URL',
  'CLOSURE_STATE_MACHINE_ARN',
] as const;
export type EnvName = (typeof ENV_NAMES)[number];

/**
 * What a function's role may do, and nothing more:
 * - `table:read` / `table:write`: items and the indexes' Queries (never Scan);
 * - `apikey:read`: GetItem of API key items only (the authorizer);
 * - `secret:<name>`: read one Secrets Manager secret, once per cold start;
 * - `state-machine:<name>`: start executions of one state machine;
 * - `queue:<name>`: send to one SQS queue.
 */
export type Grant = 'table:read' | 'table:write' | 'apikey:read' | `secret:${SecretName}` | `state-machine:${string}` | `queue:${string}`;

export const SECRET_NAMES = ['page-token', 'vendor-credentials', 'vendor-token-key'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

export interface FunctionDefinition {
  /** Short name, unique: the physical name is `<resource prefix>-<name>`. */
  readonly name: string;
  /** Handler module relative to the repository root; it exports `handler`. */
  readonly entry: string;
  /** The Lambda's description in AWS. */
  readonly description: string;
  readonly trigger: Trigger;
  readonly env: readonly EnvName[];
  readonly grants: readonly Grant[];
  /** MB; DEFAULT_MEMORY_MB when absent. */
  readonly memorySize?: number;
  /** DEFAULT_TIMEOUT_SECONDS when absent; the twin enforces the same limit. */
  readonly timeoutSeconds?: number;
}

/** Cold starts of a bundled SDK + zod are CPU-bound, and Lambda CPU scales with memory. */
export const DEFAULT_MEMORY_MB = 512;
export const DEFAULT_TIMEOUT_SECONDS = 10;

export const timeoutSecondsOf = (fn: FunctionDefinition): number => fn.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
export const memoryOf = (fn: FunctionDefinition): number => fn.memorySize ?? DEFAULT_MEMORY_MB;

const httpDomain = (domain: Domain, description: string): FunctionDefinition => ({
  name: domain,
  entry: `functions/http/${domain}.ts`,
  description,
  trigger: { kind: 'http', domain },
  env: ['TABLE_NAME', 'PAGE_TOKEN_SECRET_ARN'],
  grants: ['table:read', 'table:write', 'secret:page-token'],
});

/** The webhook delivery pipeline: each reads and writes deliveries and (re)queues them. */
const webhookPipeline = (
  name: string,
  entry: string,
  trigger: Trigger,
  timeoutSeconds: number,
  description: string,
): FunctionDefinition => ({
  name,
  entry,
  description,
  trigger,
  env: ['TABLE_NAME', 'DELIVERY_QUEUE_URL'],
  grants: ['table:read', 'table:write', 'queue:webhook-deliveries'],
  timeoutSeconds,
});

export const FUNCTIONS: readonly FunctionDefinition[] = [
  {
    name: 'authorizer',
    entry: 'functions/http/authorizer.ts',
    description: 'Resolves the bearer API key to a tenant and its permissions',
    trigger: { kind: 'authorizer' },
    env: ['TABLE_NAME'],
    grants: ['apikey:read'],
  },
  httpDomain('customers', 'Customers, persons, businesses and sandbox KYC/KYB'),
  httpDomain('accounts', 'Accounts, relationships, templates and products'),
  httpDomain('mappings', 'Migration mappings between tenants, and the tradeline transfers of credit accounts'),
  {
    ...httpDomain('ledger', 'The ledger: internal accounts, transfers and holds, ACH, disputes, payment schedules, transaction lists'),
    // A sandbox clock move runs the due work of every day it crosses inside the request; API
    // Gateway's own integration limit (29 s) is the ceiling, not the default 10 s.
    timeoutSeconds: 29,
  },
  {
    name: 'ledger-due-work',
    entry: 'functions/schedules/ledger-due-work.ts',
    description:
      'Ledger scheduled work: hold expiry, ACH when due, payment schedules; daily interest and month-end statements of every tenant',
    trigger: { kind: 'schedule', expression: 'rate(5 minutes)' },
    env: ['TABLE_NAME'],
    grants: ['table:read', 'table:write'],
  },
  {
    ...httpDomain('external_accounts', 'External accounts: manual create, get, list and PATCH (no vendor calls)'),
    name: 'external-accounts',
    entry: 'functions/http/external-accounts.ts',
  },
  {
    ...httpDomain(
      'external_accounts_vendor',
      'External-account routes that call Plaid or Finicity: links, vendor accounts, balance, transactions, delete',
    ),
    name: 'external-accounts-vendor',
    entry: 'functions/http/external-accounts-vendor.ts',
    // Only this function reaches a vendor, so only it gets the vendor settings and secrets.
    env: [
      'TABLE_NAME',
      'PAGE_TOKEN_SECRET_ARN',
      'VENDOR_ENVIRONMENT',
      'PLAID_BASE_URL',
      'FINICITY_BASE_URL',
      'VENDOR_CREDENTIALS_SECRET_ARN',
      'VENDOR_TOKEN_KEY_SECRET_ARN',
    ],
    grants: ['table:read', 'table:write', 'secret:page-token', 'secret:vendor-credentials', 'secret:vendor-token-key'],
    // Aggregator calls take seconds (balance is real time); the adapters time out first.
    timeoutSeconds: 30,
  },

  // Webhooks (issue 11): the API, and the delivery pipeline stream → router → queue → sender, with
  // the sweeper queuing retries that wait longer than SQS's 15-minute delay.
  httpDomain('webhooks', 'Webhook secrets, subscriptions, their deliveries, and the event log'),
  webhookPipeline(
    'webhook-router',
    'functions/streams/webhook-router.ts',
    { kind: 'table-stream' },
    60,
    'Table stream: one webhook delivery per outbox event and matching subscription, queued',
  ),
  webhookPipeline(
    'webhook-sender',
    'functions/queues/webhook-sender.ts',
    { kind: 'queue', queue: 'webhook-deliveries' },
    30,
    'Signs and posts one webhook delivery attempt and records it once',
  ),
  webhookPipeline(
    'webhook-sweeper',
    'functions/schedules/webhook-sweeper.ts',
    { kind: 'schedule', expression: 'rate(1 minute)' },
    60,
    'Queues webhook deliveries whose retry, resend or pause has come due',
  ),

  // Account closure (issue 10): its HTTP routes, the state machine's tasks, and the starter that
  // turns the initiate write's start request (read from the stream) into one execution.
  httpDomain('closures', 'Account closure: initiate_closure and its PATCH (the workflow runs in closure-steps)'),
  {
    name: 'closure-steps',
    entry: 'functions/workflows/closure-steps.ts',
    description: 'The account-closure state machine tasks: blockers, recurring payments, write-off, interest, final payment, close',
    trigger: { kind: 'workflow-task', stateMachine: 'closure' },
    env: ['TABLE_NAME'],
    grants: ['table:read', 'table:write'],
    timeoutSeconds: 30,
  },
  {
    name: 'workflow-starter',
    entry: 'functions/streams/workflow-starter.ts',
    description: 'Table stream: starts one closure execution per start request, named after the account (exactly once)',
    trigger: { kind: 'table-stream' },
    env: ['CLOSURE_STATE_MACHINE_ARN'],
    grants: ['state-machine:closure'],
    timeoutSeconds: 60,
  },

  // The operator console's organization-scoped reads (issue 13): read-only, no page tokens.
  {
    ...httpDomain('operator', 'Operator console: the organization with its tenants, and migration progress per tenant pair'),
    env: ['TABLE_NAME'],
    grants: ['table:read'],
  },
];

export const functionNamed = (name: string): FunctionDefinition => {
  const found = FUNCTIONS.find((f) => f.name === name);
  if (!found) throw new Error(`no function named ${name} in functions/functions.ts`);
  return found;
};

/** The function that serves a domain's routes. */
export const httpFunctionOf = (domain: Domain): FunctionDefinition => {
  const found = FUNCTIONS.find((f) => f.trigger.kind === 'http' && f.trigger.domain === domain);
  if (!found) throw new Error(`no HTTP function serves domain ${domain} in functions/functions.ts`);
  return found;
};

/** A function whose trigger is known to be of kind K. */
export type FunctionOfKind<K extends TriggerKind> = FunctionDefinition & { readonly trigger: Extract<Trigger, { kind: K }> };

export const functionsOfKind = <K extends TriggerKind>(kind: K): readonly FunctionOfKind<K>[] =>
  FUNCTIONS.filter((f): f is FunctionOfKind<K> => f.trigger.kind === kind);

/** API Gateway takes one authorizer for the whole API. */
export const authorizerFunction = (): FunctionOfKind<'authorizer'> => {
  const [only, ...others] = functionsOfKind('authorizer');
  if (!only || others.length > 0) throw new Error('functions/functions.ts must hold exactly one authorizer function');
  return only;
};
