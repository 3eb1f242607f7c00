import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredKeyRecord } from '../../tenancy/model.js';
import type { ApiKeyLookup } from '../../tenancy/ports.js';
import { documentClient, tableName } from './client.js';
import { KEYS, stripKeys } from './keys.js';

// The authorizer's one read, in a module of its own: the authorizer bundle holds this GetItem
// and nothing of the tenancy repository's writes (tenant bootstrap, account templates).

export const getApiKeyByHash = async (keyHash: string): Promise<StoredKeyRecord | undefined> => {
  const { Item } = await documentClient().send(new GetCommand({ TableName: tableName(), Key: KEYS.apiKey(keyHash) }));
  return Item ? stripKeys<StoredKeyRecord>(Item) : undefined;
};

export const dynamoApiKeyLookup: ApiKeyLookup = { getApiKeyByHash };
