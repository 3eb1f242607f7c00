// Free-form client JSON (metadata, the Customer-Device-Info block, event payloads that embed
// them) is stored as a JSON string attribute, never as a DynamoDB map. The DocumentClient's
// marshaller decides what a value is from `value.constructor.name`, so a client key named
// `constructor` either broke the write (a 500) or turned an object into "[object Object]"; it
// also builds maps by assignment, which drops `__proto__` keys on the way in and out. A string
// holds exactly what the client sent, and JSON.parse gives every key back as an own property.
//
// Items written before this encoding hold maps at these paths; a non-string value is read as is.

/** Where client JSON sits in an item: top-level attributes, and one nested one of outbox events. */
const FREE_FORM_PATHS: readonly (readonly string[])[] = [
  ['metadata'],
  ['event_resource'],
  ['event_resource_changed_fields'],
  ['audit', 'device_info'],
];

type Item = Record<string, unknown>;

const isObject = (value: unknown): value is Item => value !== null && typeof value === 'object' && !Array.isArray(value);

// Copies along the path only (our own objects), so the client's value itself is never walked.
const mapAt = (item: Item, path: readonly string[], change: (value: unknown) => unknown): Item => {
  const [head, ...rest] = path as [string, ...string[]];
  if (!Object.hasOwn(item, head) || item[head] === undefined) return item;
  const value = item[head];
  if (rest.length === 0) return { ...item, [head]: change(value) };
  return isObject(value) ? { ...item, [head]: mapAt(value, rest, change) } : item;
};

const encode = (value: unknown): unknown => JSON.stringify(value);
const decode = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

/** The item as written: free-form client JSON as JSON strings. */
export const toStoredItem = <T extends Item>(item: T): T => FREE_FORM_PATHS.reduce<Item>((it, path) => mapAt(it, path, encode), item) as T;

/** The item as the domain knows it: the JSON strings parsed back. */
export const fromStoredItem = <T extends Item>(item: T): T =>
  FREE_FORM_PATHS.reduce<Item>((it, path) => mapAt(it, path, decode), item) as T;
