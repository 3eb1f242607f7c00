// The closure state machine (ledger-notes §D.2), defined once: CDK deploys it as a Standard
// state machine (lib/stacks/workflows-stack.ts) and the twin runs the very same JSON in
// aws-local-stepfunctions (local/workflows/). It stays inside what both run: JSONPath only,
// plain Lambda ARNs as Resource (raw output, no optimized-integration wrapper), no task tokens,
// Wait states on TimestampPath timestamps computed in code, no `$$.State` reads (the local
// runner fills only `$$.Execution`). Every task writes its result to `$.step`; Choice and Wait
// states read only that, and each task reads the rest from the table.

export const CLOSURE_TASKS = [
  'LoadClosure',
  'CheckBlockers',
  'EndRecurringPayments',
  'WriteOffNegativeBalance',
  'PayAccruedInterest',
  'TransferRemainingFunds',
  'CloseAccount',
  'MarkNeedsDestination',
  'CheckDestination',
] as const;
export type ClosureTask = (typeof CLOSURE_TASKS)[number];

/** Lambda's own failures: retried with backoff on every task (Step Functions' recommendation). */
export const LAMBDA_SERVICE_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.ClientExecutionTimeoutException',
  'Lambda.TooManyRequestsException',
];

/** Domain errors a step throws for the machine to branch on (functions/closures/errors.ts). */
export const CAUGHT = {
  needsDestination: ['PayoutReturned', 'DestinationMissing'],
  fundsArrived: ['FundsArrived'],
  blockersAppeared: ['BlockersAppeared'],
} as const;

/** A closure waits days to months (return window, disputes): bounded well inside Standard's year. */
export const CLOSURE_TIMEOUT_SECONDS = 180 * 86_400;
export const TASK_TIMEOUT_SECONDS = 60;

type State = { Type: string; [field: string]: unknown };

const task = (name: ClosureTask, resource: string, next: string, extra: Record<string, unknown> = {}): State => ({
  Type: 'Task',
  Resource: resource,
  Parameters: {
    step: name,
    input: { 'tenant.$': '$.tenant', 'account_id.$': '$.account_id', 'closure_id.$': '$.closure_id' },
    'execution.$': '$$.Execution',
  },
  ResultPath: '$.step',
  TimeoutSeconds: TASK_TIMEOUT_SECONDS,
  Retry: [
    { ErrorEquals: LAMBDA_SERVICE_ERRORS, IntervalSeconds: 2, MaxAttempts: 6, BackoffRate: 2 },
    // Another writer won a conditioned write: re-run the step, which re-reads.
    {
      ErrorEquals: ['ConcurrentModification'],
      IntervalSeconds: 1,
      MaxAttempts: 5,
      BackoffRate: 2,
      MaxDelaySeconds: 30,
      JitterStrategy: 'FULL',
    },
  ],
  Next: next,
  ...extra,
});

const wait = (next: string): State => ({ Type: 'Wait', TimestampPath: '$.step.until', Next: next });

const catches = (...clauses: [readonly string[], string][]) => ({
  Catch: clauses.map(([errors, next]) => ({ ErrorEquals: [...errors], ResultPath: '$.error', Next: next })),
});

/** The definition, with each task's Lambda ARN from `resourceOf` (CDK tokens, or placeholder ARNs locally). */
export const closureDefinition = (resourceOf: (task: ClosureTask) => string) => ({
  Comment: 'Account closure (contract §3): blockers, recurring payments, write-off, interest, final payment, return window, close',
  StartAt: 'LoadClosure',
  TimeoutSeconds: CLOSURE_TIMEOUT_SECONDS,
  States: {
    LoadClosure: task('LoadClosure', resourceOf('LoadClosure'), 'ResumeAt'),
    // A run resumes at the step the closure records (a redrive, or the twin after a restart).
    ResumeAt: {
      Type: 'Choice',
      Choices: [
        { Variable: '$.step.resume', StringEquals: 'END_RECURRING', Next: 'EndRecurringPayments' },
        { Variable: '$.step.resume', StringEquals: 'WRITE_OFF', Next: 'WriteOffNegativeBalance' },
        { Variable: '$.step.resume', StringEquals: 'INTEREST', Next: 'PayAccruedInterest' },
        { Variable: '$.step.resume', StringEquals: 'PAYOUT', Next: 'TransferRemainingFunds' },
        { Variable: '$.step.resume', StringEquals: 'WAIT_CLOSE', Next: 'WaitUntilCloseAt' },
        { Variable: '$.step.resume', StringEquals: 'NEEDS_DESTINATION', Next: 'CheckDestination' },
        { Variable: '$.step.resume', StringEquals: 'CLOSED', Next: 'Closed' },
        { Variable: '$.step.resume', StringEquals: 'CHARGED_OFF', Next: 'Closed' },
      ],
      Default: 'CheckBlockers',
    },
    CheckBlockers: task('CheckBlockers', resourceOf('CheckBlockers'), 'BlockersClear'),
    BlockersClear: {
      Type: 'Choice',
      Choices: [
        { Variable: '$.step.clear', BooleanEquals: true, Next: 'EndRecurringPayments' },
        { Variable: '$.step.attention', BooleanEquals: true, Next: 'NeedsAttention' },
      ],
      Default: 'WaitForBlockers',
    },
    WaitForBlockers: wait('CheckBlockers'),
    EndRecurringPayments: task('EndRecurringPayments', resourceOf('EndRecurringPayments'), 'WriteOffNegativeBalance'),
    WriteOffNegativeBalance: task('WriteOffNegativeBalance', resourceOf('WriteOffNegativeBalance'), 'PayAccruedInterest'),
    PayAccruedInterest: task('PayAccruedInterest', resourceOf('PayAccruedInterest'), 'TransferRemainingFunds'),
    TransferRemainingFunds: task(
      'TransferRemainingFunds',
      resourceOf('TransferRemainingFunds'),
      'WaitUntilCloseAt',
      catches([CAUGHT.needsDestination, 'MarkNeedsDestination']),
    ),
    WaitUntilCloseAt: wait('CloseAccount'),
    CloseAccount: task(
      'CloseAccount',
      resourceOf('CloseAccount'),
      'Closed',
      catches(
        [CAUGHT.needsDestination, 'MarkNeedsDestination'],
        [CAUGHT.fundsArrived, 'TransferRemainingFunds'],
        [CAUGHT.blockersAppeared, 'CheckBlockers'],
      ),
    ),
    MarkNeedsDestination: task('MarkNeedsDestination', resourceOf('MarkNeedsDestination'), 'WaitForDestination'),
    WaitForDestination: wait('CheckDestination'),
    CheckDestination: task('CheckDestination', resourceOf('CheckDestination'), 'DestinationReady'),
    DestinationReady: {
      Type: 'Choice',
      Choices: [{ Variable: '$.step.ready', BooleanEquals: true, Next: 'TransferRemainingFunds' }],
      Default: 'WaitForDestination',
    },
    Closed: { Type: 'Succeed' },
    NeedsAttention: {
      Type: 'Fail',
      Error: 'ClosureNeedsAttention',
      Cause: 'Blockers did not clear in time: see the closure, then redrive',
    },
  },
});
export type ClosureDefinition = ReturnType<typeof closureDefinition>;
