// The key condition of one list read: a partition, optionally a sort-key prefix, optionally
// resuming after a sort key already returned. Every condition is a plain key range. On AWS a
// range, begins_with and ExclusiveStartKey are all a seek; DynamoDB Local, where the twin and
// the bench run, walks the partition for the latter two, so a page deep in a large list and a
// prefix of a large index got slower with the tenant's size (bench/lists.ts). Resuming with
// `#sk > :after` needs sort keys unique within their partition, which every list key is (each
// ends with the item's id).

export interface KeyRange {
  partitionAttr: string;
  sortAttr: string;
  partitionValue: string;
  /** Only sort keys starting with this. */
  prefix?: string | undefined;
  /** The sort key of the last item already returned; the range continues past it. */
  after?: string | undefined;
  ascending: boolean;
}

export interface KeyCondition {
  KeyConditionExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, string>;
  /**
   * The condition may return one row more than the range holds (BETWEEN is inclusive: the row at
   * `after`, and the one key just past the prefix); `inRange` tells which rows belong.
   */
  extraRows: number;
  inRange: (sortKey: string) => boolean;
}

const MAX_CODE_POINT = 0x10ffff;

/**
 * The least string above every string that starts with `prefix` (DynamoDB compares strings as
 * UTF-8 bytes, which is code point order): the prefix with its last code point incremented.
 * Undefined when no such string exists (an empty prefix, or one of only U+10FFFF).
 */
export const prefixEnd = (prefix: string): string | undefined => {
  const points = Array.from(prefix);
  while (points.length > 0) {
    const last = points.pop()!.codePointAt(0)!;
    if (last < MAX_CODE_POINT) {
      // Surrogate code points are not characters: U+D7FF is followed by U+E000.
      const next = last + 1 === 0xd800 ? 0xe000 : last + 1;
      return points.join('') + String.fromCodePoint(next);
    }
  }
  return undefined;
};

export const keyCondition = ({ partitionAttr, sortAttr, partitionValue, prefix, after, ascending }: KeyRange): KeyCondition => {
  const names: Record<string, string> = { '#pk': partitionAttr };
  const values: Record<string, string> = { ':pk': partitionValue };
  const inPrefix = (sk: string) => prefix === undefined || sk.startsWith(prefix);
  const base = { ExpressionAttributeNames: names, ExpressionAttributeValues: values };
  if (after === undefined && prefix === undefined)
    return { ...base, KeyConditionExpression: '#pk = :pk', extraRows: 0, inRange: () => true };
  names['#sk'] = sortAttr;
  const end = prefix === undefined ? undefined : prefixEnd(prefix);
  if (after === undefined) {
    values[':prefix'] = prefix!;
    if (end === undefined) return { ...base, KeyConditionExpression: '#pk = :pk AND #sk >= :prefix', extraRows: 0, inRange: inPrefix };
    // A prefix is the range [prefix, end]; BETWEEN is inclusive, so a key equal to `end` is dropped.
    values[':end'] = end;
    return { ...base, KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :prefix AND :end', extraRows: 1, inRange: inPrefix };
  }
  values[':after'] = after;
  if (prefix === undefined || (ascending && end === undefined)) {
    return { ...base, KeyConditionExpression: `#pk = :pk AND #sk ${ascending ? '>' : '<'} :after`, extraRows: 0, inRange: inPrefix };
  }
  // Within a prefix, resuming is a BETWEEN range too; the row at `after` itself is dropped.
  const inRange = (sk: string) => sk !== after && inPrefix(sk);
  if (ascending) {
    values[':end'] = end!;
    return { ...base, KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :after AND :end', extraRows: 2, inRange };
  }
  values[':prefix'] = prefix;
  return { ...base, KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :prefix AND :after', extraRows: 1, inRange };
};
