// Named errors a workflow step throws for the state machine's Catch clauses (matched by `name`,
// which Step Functions sees as the Lambda's errorType). Not domain errors of the API: they
// never reach an HTTP edge.

export type ClosureStepErrorName = 'PayoutReturned' | 'DestinationMissing' | 'FundsArrived' | 'BlockersAppeared';

export class ClosureStepError extends Error {
  constructor(
    override readonly name: ClosureStepErrorName,
    message: string,
  ) {
    super(message);
  }
}
