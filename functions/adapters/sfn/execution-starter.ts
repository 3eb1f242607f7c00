import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';

// StartExecution with a deterministic name and input: a second start of the same closure is
// ExecutionAlreadyExists (or, while running with the same input, a success), so a stream record
// delivered twice starts one execution. Credentials come from the environment (Lambda).

/** The twin's placeholder: its runner is in process (local/workflows/), nothing calls AWS. */
export const LOCAL_CLOSURE_STATE_MACHINE_ARN = 'arn:aws:states:us-east-1:000000000000:stateMachine:bankline-local-closure';

export type StartOutcome = 'started' | 'already-started';

export type ExecutionStart = (name: string, input: unknown) => Promise<StartOutcome>;

let client: SFNClient | undefined;

export const stepFunctionsStarter =
  (stateMachineArn: string): ExecutionStart =>
  async (name, input) => {
    client ??= new SFNClient({});
    try {
      await client.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }));
      return 'started';
    } catch (error) {
      if (error instanceof ExecutionAlreadyExists) return 'already-started';
      throw error;
    }
  };

let localStart: ExecutionStart | undefined;
const heldLocally: { name: string; input: unknown }[] = [];

/** The twin binds its in-process runner here, so a starter it loads starts executions there. */
export const bindLocalExecutionStarter = (start: ExecutionStart | undefined): void => {
  localStart = start;
};

/** Step Functions in AWS; on the twin the bound runner (a replay with none keeps the requests in memory). */
export const executionStarterFor = (stateMachineArn: string): ExecutionStart =>
  stateMachineArn === LOCAL_CLOSURE_STATE_MACHINE_ARN
    ? async (name, input) => {
        if (localStart) return localStart(name, input);
        heldLocally.push({ name, input });
        return 'started';
      }
    : stepFunctionsStarter(stateMachineArn);
