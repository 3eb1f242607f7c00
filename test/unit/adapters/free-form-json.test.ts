import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { fromStoredItem, toStoredItem } from '../../../functions/adapters/dynamodb/free-form-json.js';

// Client JSON crosses the DynamoDB marshaller as a string, so no key of it can steer the marshaller.

const hostile = JSON.parse('{"__proto__":{"a":1},"constructor":{"name":"String"},"x":{"prototype":1,"toString":{"hasOwnProperty":2}}}');

describe('free-form JSON in items', () => {
  it('stores metadata, event payloads and the device info as JSON strings, leaving other attributes alone', () => {
    const item = {
      pk: 'p',
      version: 3,
      metadata: hostile,
      event_resource: { metadata: hostile },
      event_resource_changed_fields: { metadata: null },
      audit: { request_id: 'r', device_info: { metadata: hostile } },
    };
    const stored = toStoredItem(item);
    expect(stored).toEqual({
      pk: 'p',
      version: 3,
      metadata: JSON.stringify(hostile),
      event_resource: JSON.stringify({ metadata: hostile }),
      event_resource_changed_fields: '{"metadata":null}',
      audit: { request_id: 'r', device_info: JSON.stringify({ metadata: hostile }) },
    });
    expect(item.metadata).toBe(hostile);
    expect(item.audit.device_info).toEqual({ metadata: hostile });
  });

  it('survives the real marshaller and comes back with every key as an own property', () => {
    const back = fromStoredItem(unmarshall(marshall(toStoredItem({ pk: 'p', metadata: hostile }))));
    expect(JSON.stringify(back.metadata)).toBe(JSON.stringify(hostile));
    expect(Object.hasOwn(back.metadata, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(back.metadata)).toBe(Object.prototype);
  });

  it('reads items written before the encoding (maps) as they are', () => {
    const legacy = { pk: 'p', metadata: { crm: 'x' }, audit: { request_id: 'r', device_info: { vendor: 'v' } } };
    expect(fromStoredItem(legacy)).toEqual(legacy);
  });

  it('leaves absent attributes absent', () => {
    expect(toStoredItem({ pk: 'p', audit: { request_id: 'r' } })).toEqual({ pk: 'p', audit: { request_id: 'r' } });
    expect('metadata' in toStoredItem({ pk: 'p' })).toBe(false);
  });
});
