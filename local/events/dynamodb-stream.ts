import type { AttributeValue, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { marshall } from '@aws-sdk/util-dynamodb';
import { TABLE_DEFINITION } from '../../functions/adapters/dynamodb/table-definition.js';
import { arn, hexId, LOCAL_REGION } from './aws-ids.js';

// The batch a table-stream consumer receives from the table's stream, with the view type the
// table is defined with (NEW_AND_OLD_IMAGES): an INSERT carries the new image, a REMOVE the old
// one, a MODIFY both. Items are given as plain objects and marshalled as DynamoDB does.

type Item = Record<string, unknown>;

export type StreamChange =
  | { readonly eventName: 'INSERT'; readonly newImage: Item }
  | { readonly eventName: 'MODIFY'; readonly oldImage: Item; readonly newImage: Item }
  | { readonly eventName: 'REMOVE'; readonly oldImage: Item };

export interface StreamEventOptions {
  readonly tableName?: string;
  readonly now?: Date;
  /** Stable ids and sequence numbers for generated samples. */
  readonly seed?: string;
}

type Image = Record<string, AttributeValue>;
const image = (item: Item): Image => marshall(item, { removeUndefinedValues: true }) as Image;

const keysOf = (item: Item): Item => {
  const { partitionKey, sortKey } = TABLE_DEFINITION;
  return { [partitionKey.name]: item[partitionKey.name], [sortKey.name]: item[sortKey.name] };
};

export const dynamodbStreamEvent = (changes: readonly StreamChange[], options: StreamEventOptions = {}): DynamoDBStreamEvent => {
  const now = options.now ?? new Date();
  const tableName = options.tableName ?? 'bankline-local';
  const streamLabel = now.toISOString().replace(/Z$/, '');
  // Stream sequence numbers are decimal strings that grow within a shard.
  const firstSequence = BigInt(`0x${hexId(options.seed, 12)}`) * 1000n;
  const Records = changes.map((change, i): DynamoDBRecord => {
    const newImage = 'newImage' in change ? image(change.newImage) : undefined;
    const oldImage = 'oldImage' in change ? image(change.oldImage) : undefined;
    const keys = image(keysOf('newImage' in change ? change.newImage : change.oldImage));
    return {
      eventID: hexId(options.seed === undefined ? undefined : `${options.seed}#${i}`, 32),
      eventName: change.eventName,
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: LOCAL_REGION,
      dynamodb: {
        ApproximateCreationDateTime: Math.floor(now.getTime() / 1000),
        Keys: keys,
        ...(newImage ? { NewImage: newImage } : {}),
        ...(oldImage ? { OldImage: oldImage } : {}),
        SequenceNumber: String(firstSequence + BigInt(i) * 100n),
        SizeBytes: Buffer.byteLength(JSON.stringify({ keys, newImage, oldImage })),
        StreamViewType: TABLE_DEFINITION.streamViewType,
      },
      eventSourceARN: arn('dynamodb', `table/${tableName}/stream/${streamLabel}`),
    };
  });
  return { Records };
};

/** What a consumer names in `batchItemFailures`: the record's sequence number. */
export const streamItemIdentifiers = (event: DynamoDBStreamEvent): string[] =>
  event.Records.map((record) => record.dynamodb?.SequenceNumber).filter((id): id is string => id !== undefined);
