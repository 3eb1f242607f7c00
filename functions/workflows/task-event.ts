// What a workflow task Lambda receives: the state's input plus the parts of the Step Functions
// context object a task needs to be idempotent and to log. Each LambdaInvoke task of a state
// machine passes exactly this payload:
//   { "input.$": "$", "execution.$": "$$.Execution", "state.$": "$$.State", "stateMachine.$": "$$.StateMachine" }
// so the field names below are Step Functions' own. The task returns plain JSON: the state's output.

export interface WorkflowTaskEvent<Input = unknown> {
  readonly input: Input;
  readonly execution: {
    /** The execution ARN: the idempotency key of anything the task writes. */
    readonly Id: string;
    readonly Name: string;
    readonly StartTime: string;
    readonly RoleArn: string;
  };
  readonly state: {
    readonly Name: string;
    readonly EnteredTime: string;
    /** 0 on the first attempt; a task's Retry policy increments it. */
    readonly RetryCount: number;
  };
  readonly stateMachine: { readonly Id: string; readonly Name: string };
}
