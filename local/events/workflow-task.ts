import type { WorkflowTaskEvent } from '../../functions/workflows/task-event.js';
import { arn, LOCAL_ACCOUNT_ID, uuidFor } from './aws-ids.js';

// The payload a state machine's LambdaInvoke task hands a workflow-task function
// (functions/workflows/task-event.ts), as the twin's Step Functions emulation and the sample
// events build it.

export interface WorkflowTaskOptions {
  readonly stateMachine: string;
  readonly state: string;
  readonly executionName?: string;
  readonly retryCount?: number;
  readonly now?: Date;
  /** Stable ids for generated samples. */
  readonly seed?: string;
}

export const workflowTaskEvent = <Input>(input: Input, options: WorkflowTaskOptions): WorkflowTaskEvent<Input> => {
  const now = (options.now ?? new Date()).toISOString();
  const name = options.executionName ?? uuidFor(options.seed);
  const machineArn = arn('states', `stateMachine:${options.stateMachine}`);
  return {
    input,
    execution: {
      Id: arn('states', `execution:${options.stateMachine}:${name}`),
      Name: name,
      StartTime: now,
      // IAM is global: no region in the ARN.
      RoleArn: `arn:aws:iam::${LOCAL_ACCOUNT_ID}:role/${options.stateMachine}-role`,
    },
    state: { Name: options.state, EnteredTime: now, RetryCount: options.retryCount ?? 0 },
    stateMachine: { Id: machineArn, Name: options.stateMachine },
  };
};
