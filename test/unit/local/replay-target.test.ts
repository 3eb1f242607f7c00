// How `npm run replay` picks the function for an event, and the errors that tell a developer
// what to add. All of these are decided before any handler or table is touched.
import { describe, expect, it } from 'vitest';
import { dynamodbStreamEvent } from '../../../local/events/dynamodb-stream.js';
import { withMarker } from '../../../local/events/marker.js';
import { sqsEvent } from '../../../local/events/sqs.js';
import { workflowTaskEvent } from '../../../local/events/workflow-task.js';
import { createReplayer, loadEventFile, ReplayError } from '../../../local/replay.js';
import type { LocalState } from '../../../local/state-file.js';

const state: LocalState = {
  table_name: 'bankline-unit',
  in_memory: true,
  tenants: [{ id: '00000000-0000-4000-8000-000000000001', name: 'old bank', bank_routing: '011000015', api_key: 'bl_unit' }],
};
const replay = createReplayer({ state });
const stream = dynamodbStreamEvent([{ eventName: 'INSERT', newImage: { pk: 'a', sk: 'b' } }]);

describe('replay target', () => {
  it('refuses a marker naming a function the registry does not have', async () => {
    await expect(replay(withMarker({ function: 'closure-starter' }, stream))).rejects.toThrow(
      /names function closure-starter, which functions\/functions.ts does not have \(functions: authorizer, customers, accounts, mappings[^)]*\)/,
    );
  });

  it('refuses a marker naming a function of another trigger kind', async () => {
    await expect(replay(withMarker({ function: 'customers' }, stream))).rejects.toThrow(
      'the event is a table-stream event, but function customers is triggered by http',
    );
  });

  it('asks for a marker when the shape fits no function, or says nothing', async () => {
    const task = workflowTaskEvent({}, { stateMachine: 'nowhere', state: 'Nothing' });
    await expect(replay(task)).rejects.toThrow(/no workflow-task function fits this event: add "_bankline": \{"function": "<name>"\}/);
    await expect(replay(sqsEvent('webhooks', [{ body: 'x' }]))).rejects.toThrow(/no queue function fits/);
    await expect(replay({ account_id: 'a1' })).rejects.toThrow(/cannot tell what kind of event this is/);
    await expect(replay({ _bankline: { function: 7 } })).rejects.toThrow(ReplayError);
  });

  it('refuses a proxy event marked with another domain’s function', async () => {
    const event = withMarker({ function: 'accounts' }, loadEventFile('customers/list-customers.json'));
    await expect(replay(event)).rejects.toThrow('the event names function accounts, but GET /v0/customers is served by customers');
  });
});
