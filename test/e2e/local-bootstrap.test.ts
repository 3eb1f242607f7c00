// The twin's building blocks that `npm start` relies on but the HTTP tests cannot see directly:
// the table built from TABLE_DEFINITION, demo data reused or reseeded, API Gateway's resource
// matching and proxy event shape.
import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { TABLE_DEFINITION } from '../../functions/adapters/dynamodb/table-definition.js';
import { ROUTES } from '../../functions/routes.js';
import { toAuthorizerEvent, toProxyEvent } from '../../local/apigw-event.js';
import { localClient } from '../../local/local-client.js';
import { createRouteMatcher } from '../../local/route-matcher.js';
import { ensureDemoData, seedDemoData } from '../../local/seed.js';
import { ensureTable, toCreateTableInput } from '../../local/table.js';
import { useTestTable } from '../helpers/dynamodb-local.js';

describe('local table from TABLE_DEFINITION', () => {
  it('creates keys, every GSI (projection ALL), the stream and TTL; a second call is a no-op', async () => {
    const { endpoint } = useTestTable();
    const client = localClient(endpoint);
    const name = `bootstrap-${randomUUID()}`;
    expect(await ensureTable(client, name)).toBe('created');
    expect(await ensureTable(client, name)).toBe('existed');
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: TABLE_DEFINITION.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: TABLE_DEFINITION.sortKey.name, KeyType: 'RANGE' },
    ]);
    expect(Table?.GlobalSecondaryIndexes?.map((i) => [i.IndexName, i.Projection?.ProjectionType]).sort()).toEqual(
      TABLE_DEFINITION.globalSecondaryIndexes.map((i) => [i.indexName, 'ALL']).sort(),
    );
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: TABLE_DEFINITION.streamViewType });
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: name }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ AttributeName: TABLE_DEFINITION.timeToLiveAttribute, TimeToLiveStatus: 'ENABLED' });
    client.destroy();
  });

  it('adds the indexes a persisted table from an older definition lacks, in place', async () => {
    const { endpoint } = useTestTable();
    const client = localClient(endpoint);
    const name = `stale-${randomUUID()}`;
    const older = { ...TABLE_DEFINITION, globalSecondaryIndexes: TABLE_DEFINITION.globalSecondaryIndexes.slice(0, 1) };
    await client.send(new CreateTableCommand(toCreateTableInput(name, older)));
    expect(await ensureTable(client, name)).toBe('upgraded');
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(
      TABLE_DEFINITION.globalSecondaryIndexes.map((i) => i.indexName).sort(),
    );
    expect(await ensureTable(client, name)).toBe('existed');
    client.destroy();
  });

  it('refuses a persisted table whose keys differ, with the fix in the message', async () => {
    const { endpoint } = useTestTable();
    const client = localClient(endpoint);
    const name = `changed-${randomUUID()}`;
    const [first, ...rest] = TABLE_DEFINITION.globalSecondaryIndexes;
    const changed = {
      ...TABLE_DEFINITION,
      globalSecondaryIndexes: [{ ...first!, sortKey: { name: 'other_sk', type: 'S' as const } }, ...rest],
    };
    await client.send(new CreateTableCommand(toCreateTableInput(name, changed)));
    await expect(ensureTable(client, name)).rejects.toThrow(/older table definition.*rm -rf \.bankline\/dynamodb/);
    client.destroy();
  });
});

describe('demo data', () => {
  it('is reused while the table still holds it, and reseeded when it does not', async () => {
    useTestTable();
    const first = await seedDemoData(undefined, `bootstrap ${randomUUID()}`);
    const again = await ensureDemoData(first);
    expect(again.seeded).toBe(false);
    expect(again.tenants).toEqual(first.tenants);

    // local.json from an in-memory run whose data is gone.
    const wiped = await ensureDemoData({ organization: { id: randomUUID(), name: 'Demo Fintech' }, tenants: first.tenants });
    expect(wiped.seeded).toBe(true);
    expect(wiped.tenants.map((t) => t.name)).toEqual(['old bank', 'new bank']);
    expect(wiped.tenants[0]!.api_key).not.toBe(first.tenants[0]!.api_key);
  });
});

describe('API Gateway resource matching', () => {
  const match = createRouteMatcher();

  it('matches every route of the table with its own template', () => {
    for (const route of ROUTES) {
      const path = route.path.replace(/\{[^}]+\}/g, () => randomUUID());
      expect(match(route.method, path)?.route, `${route.method} ${route.path}`).toBe(route);
    }
  });

  it('prefers a literal segment over a parameter, and does not fall back to the parameter for another method', () => {
    expect(match('POST', '/v0/verifications/verify')?.route.operation).toBe('runVerification');
    expect(match('GET', '/v0/verifications/verify')).toBeNull();
    expect(match('GET', '/v0/verifications/abc')?.pathParameters).toEqual({ verification_id: 'abc' });
  });

  it('decodes path parameters, ignores one trailing slash, rejects empty segments', () => {
    expect(match('GET', '/v0/customers/a%20b')?.pathParameters).toEqual({ customer_id: 'a b' });
    expect(match('GET', '/v0/customers/')?.route.operation).toBe('listCustomers');
    expect(match('GET', '/v0//customers')).toBeNull();
  });
});

describe('proxy event shape', () => {
  const route = ROUTES.find((r) => r.operation === 'getCustomer')!;
  const request = (url: string, headers: Array<[string, string]> = []) => ({
    method: 'GET',
    url,
    headers,
    body: null,
    sourceIp: '10.1.2.3',
  });

  it('uses null for absent query and path parameters, as API Gateway does', () => {
    const event = toProxyEvent(request('/v0/customers'), {
      route: ROUTES.find((r) => r.operation === 'listCustomers')!,
      pathParameters: {},
    });
    expect(event.queryStringParameters).toBeNull();
    expect(event.multiValueQueryStringParameters).toBeNull();
    expect(event.pathParameters).toBeNull();
    expect(event.body).toBeNull();
  });

  it('keeps the last value in single-value maps and every value in multi-value maps', () => {
    const event = toProxyEvent(
      request('/v0/customers/c1?status=A&status=B', [
        ['X-Tag', 'one'],
        ['X-Tag', 'two'],
      ]),
      {
        route,
        pathParameters: { customer_id: 'c1' },
      },
    );
    expect(event.queryStringParameters).toEqual({ status: 'B' });
    expect(event.multiValueQueryStringParameters).toEqual({ status: ['A', 'B'] });
    expect(event.headers['X-Tag']).toBe('two');
    expect(event.multiValueHeaders['X-Tag']).toEqual(['one', 'two']);
    expect(event).toMatchObject({ resource: route.path, path: '/v0/customers/c1', httpMethod: 'GET', isBase64Encoded: false });
    expect(event.requestContext).toMatchObject({ resourcePath: route.path, stage: 'local', identity: { sourceIp: '10.1.2.3' } });
    expect(event.headers['X-Forwarded-For']).toBe('10.1.2.3');
  });

  it('gives the authorizer the method ARN of the concrete request', () => {
    const event = toProxyEvent(request('/v0/customers/c1'), { route, pathParameters: { customer_id: 'c1' } });
    expect(toAuthorizerEvent(event)).toMatchObject({
      type: 'REQUEST',
      methodArn: 'arn:aws:execute-api:us-east-1:000000000000:local/local/GET/v0/customers/c1',
      resource: route.path,
    });
  });
});
