import { describe, expect, it } from 'vitest';
import { businessItem, lastUpdatedKeys, personItem } from '../../../functions/adapters/dynamodb/customer-items.js';
import { foldName, NAME_KEY_CHARS, nameOrdered, stripKeys, timeOrdered } from '../../../functions/adapters/dynamodb/keys.js';
import { TABLE_DEFINITION } from '../../../functions/adapters/dynamodb/table-definition.js';
import { businessRecord, personRecord } from '../customers/records.js';

// DynamoDB orders string sort keys by their UTF-8 bytes; JavaScript's `<` compares UTF-16 code
// units, which disagree above U+FFFF. Sort the way the table does.
const byTableOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

const T1 = '2024-01-01T00:00:00.000Z';
const T2 = '2024-01-02T00:00:00.000Z';
const ID_A = '0000aaaa-0000-4000-8000-000000000001';
const ID_B = '0000bbbb-0000-4000-8000-000000000002';

/** Names in the order their keys sort (ascending). */
const sortedNames = (entries: [string | undefined, string, string][]) =>
  entries
    .map(([name, time, id]) => ({ name, key: nameOrdered(name, time, id) }))
    .sort((a, b) => byTableOrder(a.key, b.key))
    .map((e) => e.name);

describe('foldName', () => {
  it('lower-cases, trims and normalises to NFC, so spellings of one name compare equal', () => {
    expect(foldName('  McDonald ')).toBe('mcdonald');
    expect(foldName('Ze\u0301nith')).toBe(foldName('Z\u00e9nith'));
    expect(foldName('ÉLODIE')).toBe('élodie');
  });

  it('drops control characters and treats blank or missing names as no name', () => {
    expect(foldName('Smi\u0000th\u0001')).toBe('smith');
    expect(foldName(undefined)).toBe('');
    expect(foldName(' \t ')).toBe('');
  });

  it('caps the name at NAME_KEY_CHARS code points without splitting a surrogate pair', () => {
    const folded = foldName('😀'.repeat(NAME_KEY_CHARS + 10));
    expect(Array.from(folded)).toHaveLength(NAME_KEY_CHARS);
    expect(folded.endsWith('😀')).toBe(true);
  });
});

describe('nameOrdered', () => {
  it('orders case-insensitively', () => {
    expect(
      sortedNames([
        ['banks', T1, ID_A],
        ['Adams', T1, ID_B],
        ['carter', T1, ID_A],
        ['BAKER', T1, ID_B],
      ]),
    ).toEqual(['Adams', 'BAKER', 'banks', 'carter']);
  });

  it('puts a name before every longer name it starts, whatever character follows', () => {
    expect(
      sortedNames([
        ['Smith (Jr)', T1, ID_A],
        ['Smith-Jones', T1, ID_A],
        ['Smith', T2, ID_B],
        ['Smith Jr', T1, ID_A],
        ['Smith!', T1, ID_A],
      ])[0],
    ).toBe('Smith');
  });

  it('puts missing and blank names after every name, even ones starting with high code points', () => {
    const order = sortedNames([
      [undefined, T1, ID_A],
      ['😀 Emoji', T2, ID_B],
      ['zz', T2, ID_A],
      ['  ', T1, ID_B],
      ['Ωmega', T1, ID_A],
    ]);
    expect(order.slice(0, 3)).toEqual(['zz', 'Ωmega', '😀 Emoji']);
    expect(order.slice(3).map((n) => n?.trim() ?? '')).toEqual(['', '']);
  });

  it('breaks ties by creation time, then id, so the order is stable and every key unique', () => {
    const keys = [nameOrdered('smith', T2, ID_A), nameOrdered('Smith', T1, ID_B), nameOrdered('SMITH', T1, ID_A)];
    expect([...keys].sort(byTableOrder)).toEqual([keys[2], keys[1], keys[0]]);
    expect(new Set(keys).size).toBe(3);
    // Records without a name are ordered among themselves the same way.
    expect([nameOrdered(undefined, T2, ID_A), nameOrdered(undefined, T1, ID_B)].sort(byTableOrder)).toEqual([
      nameOrdered(undefined, T1, ID_B),
      nameOrdered(undefined, T2, ID_A),
    ]);
  });

  it('stays under DynamoDB’s 1024-byte limit for index sort keys with the longest name', () => {
    const key = nameOrdered('𝔄'.repeat(255), T1, ID_A);
    expect(Buffer.byteLength(key, 'utf8')).toBeLessThanOrEqual(1024);
  });
});

describe('person and business items', () => {
  const person = personRecord({ first_name: 'Ada', last_name: 'Lovelace', last_updated_time: T2 });

  it('carry one key pair per list order, all derived from the record', () => {
    expect(personItem(person)).toMatchObject({
      gsi1pk: `TENANT#${person.tenant}#PERSONS`,
      gsi1sk: timeOrdered(person.creation_time, person.id),
      gsi3pk: `TENANT#${person.tenant}#PERSONS#LAST_NAME`,
      gsi3sk: nameOrdered('Lovelace', person.creation_time, person.id),
      gsi4pk: `TENANT#${person.tenant}#PERSONS#FIRST_NAME`,
      gsi4sk: nameOrdered('Ada', person.creation_time, person.id),
      gsi5pk: `TENANT#${person.tenant}#PERSONS#LAST_UPDATED`,
      gsi5sk: timeOrdered(T2, person.id),
    });
    const business = businessRecord({ entity_name: 'Acme Inc' });
    const item = businessItem(business);
    expect(item).toMatchObject({
      gsi3pk: `TENANT#${business.tenant}#BUSINESSES#ENTITY_NAME`,
      gsi3sk: nameOrdered('Acme Inc', business.creation_time, business.id),
      gsi5pk: `TENANT#${business.tenant}#BUSINESSES#LAST_UPDATED`,
      gsi5sk: timeOrdered(business.last_updated_time, business.id),
    });
    expect(item).not.toHaveProperty('gsi4pk');
  });

  it('a person without names still has name keys, in the missing-names range', () => {
    const item = personItem(personRecord({ first_name: undefined, last_name: undefined }));
    expect(item.gsi3sk).toBe(nameOrdered(undefined, item.creation_time, item.id));
    expect(item.gsi4sk).toBe(nameOrdered(undefined, item.creation_time, item.id));
  });

  it('lastUpdatedKeys gives the keys a full write at that time would give', () => {
    const { gsi5pk, gsi5sk } = personItem(person);
    expect(lastUpdatedKeys('PERSON', person.tenant, person.id, T2)).toEqual({ gsi5pk, gsi5sk });
    const business = businessRecord({ last_updated_time: T2 });
    const item = businessItem(business);
    expect(lastUpdatedKeys('BUSINESS', business.tenant, business.id, T2)).toEqual({ gsi5pk: item.gsi5pk, gsi5sk: item.gsi5sk });
  });

  it('stripKeys removes every index key of TABLE_DEFINITION, leaving the record', () => {
    const stripped = stripKeys<Record<string, unknown>>(personItem(person));
    for (const index of TABLE_DEFINITION.globalSecondaryIndexes) {
      expect(stripped).not.toHaveProperty(index.partitionKey.name);
      expect(stripped).not.toHaveProperty(index.sortKey.name);
    }
    expect(stripped).toEqual({ ...person, entity: 'PERSON' });
  });
});
