import { describe, expect, it } from 'vitest';
import { personItem } from '../../../functions/adapters/dynamodb/customer-items.js';
import { NAME_KEY_CHARS, nameOrdered } from '../../../functions/adapters/dynamodb/keys.js';
import { textFilter } from '../../../functions/adapters/dynamodb/text-filter.js';
import { personRecord } from '../customers/records.js';

// A text filter matches the stored value (case counts, `*` is any characters) and narrows the
// read to a name key prefix; every match's name key must start with that prefix.

const T = '2024-01-01T00:00:00.000Z';
const ID = '0000aaaa-0000-4000-8000-000000000001';
const keyOf = (value: string) => nameOrdered(value, T, ID);

describe('textFilter', () => {
  it.each([
    ['Alice', 'Alice', true],
    ['Alice', 'alice', false],
    ['Alice', 'Alicia', false],
    ['Al*', 'Alice', true],
    ['Al*', 'Al', true],
    ['Al*', 'al', false],
    ['*ice', 'Alice', true],
    ['A*c*e', 'Alice', true],
    ['A*c*e', 'Alicia', false],
    ['*@example.com', 'jane@example.com', true],
    ['*', 'anything', true],
    ['a*a', 'a', false],
    ['Al *', 'Al Smith', true],
  ] as const)('%s against %s: %s', (filter, value, expected) => {
    expect(textFilter('first_name', filter).matches(value)).toBe(expected);
  });

  it('matches only strings (a record without the field never matches)', () => {
    expect(textFilter('email', '*').matches(undefined)).toBe(false);
  });

  it('narrows by the folded text before the first *, exact values including the name end', () => {
    const exact = textFilter('first_name', 'Alice');
    expect(exact.exact).toBe(true);
    expect(keyOf('Alice').startsWith(exact.keyPrefix!)).toBe(true);
    expect(keyOf('Alice Jr').startsWith(exact.keyPrefix!)).toBe(false);
    const prefix = textFilter('first_name', 'Al*');
    expect(prefix.exact).toBe(false);
    for (const name of ['Alice', 'ALAN', 'al']) expect(keyOf(name).startsWith(prefix.keyPrefix!)).toBe(true);
    expect(keyOf('Bob').startsWith(prefix.keyPrefix!)).toBe(false);
    expect(textFilter('first_name', '*ice').keyPrefix).toBeUndefined();
    expect(textFilter('first_name', '   ').keyPrefix).toBeUndefined();
  });

  it('every match carries the key prefix, also past the key length and across Unicode spellings', () => {
    const long = `${'x'.repeat(NAME_KEY_CHARS + 20)}`;
    for (const [filter, value] of [
      [long, long],
      [`${long}*`, `${long}yz`],
      ['Ze\u0301*', 'Z\u00e9nith'],
      ['  Bo*', '  Bob'],
    ] as const) {
      const f = textFilter('first_name', filter);
      expect(f.matches(value), filter).toBe(true);
      expect(keyOf(value).startsWith(f.keyPrefix!), filter).toBe(true);
    }
  });

  it('runs in linear time on a filter built to make a backtracking matcher explode', () => {
    const filter = textFilter('email', `${'*a'.repeat(100)}*b`);
    expect(filter.matches('a'.repeat(300))).toBe(false);
  });
});

describe('email and phone keys', () => {
  it('are set only when the person has the field', () => {
    const person = personRecord({ email: 'Jane@Example.com', phone_number: '+14155550100' });
    expect(personItem(person)).toMatchObject({
      gsi2pk: `TENANT#${person.tenant}#PERSONS#EMAIL`,
      gsi2sk: nameOrdered('Jane@Example.com', person.creation_time, person.id),
      gsi6pk: `TENANT#${person.tenant}#PERSONS#PHONE`,
      gsi6sk: nameOrdered('+14155550100', person.creation_time, person.id),
    });
    const bare = personItem(personRecord({ email: undefined, phone_number: undefined }));
    expect(bare).not.toHaveProperty('gsi2pk');
    expect(bare).not.toHaveProperty('gsi6pk');
  });
});
