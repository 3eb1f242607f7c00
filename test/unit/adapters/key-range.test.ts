import { describe, expect, it } from 'vitest';
import { keyCondition, prefixEnd } from '../../../functions/adapters/dynamodb/key-range.js';

// DynamoDB compares string keys as UTF-8 bytes.
const utf8Compare = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

describe('prefixEnd', () => {
  it('is above every key that starts with the prefix and at most one key above the rest', () => {
    const prefix = '0smith';
    const end = prefixEnd(prefix)!;
    expect(end).toBe('0smiti');
    for (const key of ['0smith', '0smith\u0001x', '0smith jr', '0smith\u{10fffe}', '0smith\u{1f600}'])
      expect(utf8Compare(key, end)).toBeLessThan(0);
    for (const key of ['0smiti', '0smitia', '0smj']) expect(utf8Compare(key, end)).toBeGreaterThanOrEqual(0);
  });

  it('skips surrogates and carries over the highest code point', () => {
    expect(prefixEnd('a\ud7ff')).toBe('a\ue000');
    expect(prefixEnd('a\u{10ffff}')).toBe('b');
    expect(prefixEnd('')).toBeUndefined();
    expect(prefixEnd('\u{10ffff}')).toBeUndefined();
  });
});

describe('keyCondition', () => {
  const base = { partitionAttr: 'gsi4pk', sortAttr: 'gsi4sk', partitionValue: 'P' };

  it('reads a whole partition or a prefix from its start', () => {
    expect(keyCondition({ ...base, ascending: true }).KeyConditionExpression).toBe('#pk = :pk');
    const prefixed = keyCondition({ ...base, prefix: '0al', ascending: false });
    expect(prefixed.KeyConditionExpression).toBe('#pk = :pk AND #sk BETWEEN :prefix AND :end');
    expect(prefixed.ExpressionAttributeValues).toEqual({ ':pk': 'P', ':prefix': '0al', ':end': '0am' });
    expect(['0al', '0alice', '0am'].filter(prefixed.inRange)).toEqual(['0al', '0alice']);
  });

  it('resumes past a sort key in either direction', () => {
    expect(keyCondition({ ...base, after: 'k', ascending: true }).KeyConditionExpression).toBe('#pk = :pk AND #sk > :after');
    expect(keyCondition({ ...base, after: 'k', ascending: false }).KeyConditionExpression).toBe('#pk = :pk AND #sk < :after');
  });

  it('resumes within a prefix with BETWEEN, dropping the rows the inclusive bounds add', () => {
    const up = keyCondition({ ...base, prefix: '0al', after: '0alice', ascending: true });
    expect(up.KeyConditionExpression).toBe('#pk = :pk AND #sk BETWEEN :after AND :end');
    expect(up.ExpressionAttributeValues[':end']).toBe('0am');
    expect(up.extraRows).toBe(2);
    expect(['0alice', '0alicia', '0am'].filter(up.inRange)).toEqual(['0alicia']);
    const down = keyCondition({ ...base, prefix: '0al', after: '0alicia', ascending: false });
    expect(down.KeyConditionExpression).toBe('#pk = :pk AND #sk BETWEEN :prefix AND :after');
    expect(['0alicia', '0alice'].filter(down.inRange)).toEqual(['0alice']);
  });
});
