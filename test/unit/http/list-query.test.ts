import { describe, expect, it } from 'vitest';
import type { ApiRequest } from '../../../functions/http/api-request.js';
import { booleanOf, csvOf, enumsOf, listBody, pagingOf, parseSort, uuidsOf } from '../../../functions/http/list-query.js';
import { BUSINESS_SORTS, PERSON_SORTS } from '../../../functions/customers/ports.js';
import { ROUTES } from '../../../functions/routes.js';

// Read at the first list request (never at import), so setting it here is in time.
process.env.PAGE_TOKEN_SECRET ??= 'unit-test page-token secret, 32+ characters long';

const ID_A = '0b6e0c1c-5e3a-4c2b-9d8e-2f1a3b4c5d6e';
const ID_B = '9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f';

const listRequest = (
  query: Record<string, string>,
  tenantId = 'tenant_a',
  operation = 'listCustomers',
  pathParameters: Record<string, string> = {},
): ApiRequest => ({
  route: ROUTES.find((r) => r.operation === operation)!,
  principal: { tenantId, organizationId: 'org_1', keyId: 'key_1', permissions: ['customer:read'] },
  pathParameters,
  query,
  body: undefined,
  audit: { request_id: 'r', api_key_id: 'key_1', method: 'GET', path: '/v0/customers' },
});

const badQuery = { name: 'InvalidInput', code: 'BAD_QUERY_PARAMETER' };

/** The next_page_token a list answer would carry after `cursor`. */
const tokenFor = async (
  request: ApiRequest,
  cursor: Record<string, string>,
  filters: Record<string, string> = { status: 'ACTIVE' },
): Promise<string> => {
  const { scope } = await pagingOf(request, filters);
  return listBody(request, 'items', scope, { items: [], cursor }, (x) => x).next_page_token as string;
};

describe('query value parsers', () => {
  it('csvOf splits Synctera comma arrays and trims blanks', () => {
    expect(csvOf('status', undefined)).toBeUndefined();
    expect(csvOf('status', 'ACTIVE, FROZEN,,')).toEqual(['ACTIVE', 'FROZEN']);
    expect(() => csvOf('status', ',')).toThrow(expect.objectContaining({ ...badQuery, detail: 'status must not be empty' }));
    expect(() => csvOf('id', Array.from({ length: 101 }, (_, i) => `v${i}`).join(','))).toThrow(expect.objectContaining(badQuery));
  });

  it('uuidsOf lower-cases valid UUIDs and rejects anything else, naming the parameter', () => {
    expect(uuidsOf('id', `${ID_A.toUpperCase()},${ID_B}`)).toEqual([ID_A, ID_B]);
    expect(() => uuidsOf('id', `${ID_A},nope`)).toThrow(expect.objectContaining({ ...badQuery, detail: 'id must contain only UUIDs' }));
  });

  it('booleanOf accepts exactly true and false', () => {
    expect(booleanOf('has_accounts', 'true')).toBe(true);
    expect(booleanOf('has_accounts', 'false')).toBe(false);
    expect(booleanOf('has_accounts', undefined)).toBeUndefined();
    for (const raw of ['TRUE', '1', 'yes', '']) {
      expect(() => booleanOf('has_accounts', raw)).toThrow(
        expect.objectContaining({ ...badQuery, detail: 'has_accounts must be true or false' }),
      );
    }
  });

  it('enumsOf accepts only allowed values', () => {
    expect(enumsOf('ban_status', 'ALLOWED,BANNED', ['ALLOWED', 'SUSPENDED', 'BANNED'])).toEqual(['ALLOWED', 'BANNED']);
    expect(() => enumsOf('ban_status', 'ALLOWED,allowed', ['ALLOWED'])).toThrow(expect.objectContaining(badQuery));
  });
});

describe('parseSort', () => {
  const badSort = (detail: string) => expect.objectContaining({ ...badQuery, detail: expect.stringContaining(detail) });

  it('defaults to creation_time ascending; a bare field is ascending', () => {
    expect(parseSort(undefined, PERSON_SORTS)).toEqual({ sortBy: 'creation_time', ascending: true });
    expect(parseSort('last_name', PERSON_SORTS)).toEqual({ sortBy: 'last_name', ascending: true });
  });

  it.each(['creation_time', 'first_name', 'last_name', 'last_updated_time'])('accepts %s asc and desc on persons', (field) => {
    expect(parseSort(`${field}:asc`, PERSON_SORTS)).toEqual({ sortBy: field, ascending: true });
    expect(parseSort(`${field}:desc`, PERSON_SORTS)).toEqual({ sortBy: field, ascending: false });
  });

  it('offers each list only its own fields, naming sort_by and the fields it has', () => {
    expect(parseSort('entity_name:desc', BUSINESS_SORTS)).toEqual({ sortBy: 'entity_name', ascending: false });
    expect(() => parseSort('last_name:asc', BUSINESS_SORTS)).toThrow(
      badSort('sort_by must be <field>:asc or <field>:desc, with <field> one of creation_time, entity_name, last_updated_time'),
    );
    expect(() => parseSort('entity_name:asc', PERSON_SORTS)).toThrow(badSort('sort_by'));
  });

  it.each(['last_name:ASC', 'last_name:up', 'Last_Name:asc', 'last_name:asc:desc', ':asc', 'ssn:asc'])(
    'rejects %s naming sort_by',
    (raw) => {
      expect(() => parseSort(raw, PERSON_SORTS)).toThrow(badSort('sort_by'));
    },
  );

  it('accepts further terms only where they change nothing: a repeat, or a name’s tie-breaker in the same direction', () => {
    expect(parseSort('last_name:asc,creation_time:asc', PERSON_SORTS)).toEqual({ sortBy: 'last_name', ascending: true });
    expect(parseSort('first_name:desc,creation_time:desc,first_name:desc', PERSON_SORTS)).toEqual({
      sortBy: 'first_name',
      ascending: false,
    });
    expect(parseSort('creation_time:desc,creation_time:desc', PERSON_SORTS)).toEqual({ sortBy: 'creation_time', ascending: false });
  });

  it.each([
    ['a second field', 'last_name:asc,first_name:asc', 'first_name:asc cannot follow last_name:asc'],
    ['the tie-breaker in the other direction', 'last_name:asc,creation_time:desc', 'creation_time:desc cannot follow last_name:asc'],
    ['the same field both ways', 'creation_time:asc,creation_time:desc', 'cannot follow'],
    ['a field after creation_time (ties there go by id)', 'creation_time:asc,last_name:asc', 'sort_by orders by one field per request'],
    ['a field after last_updated_time', 'last_updated_time:desc,creation_time:desc', 'cannot follow'],
  ])('refuses %s with a 400 naming sort_by', (_label, raw, detail) => {
    expect(() => parseSort(raw, PERSON_SORTS)).toThrow(badSort(detail));
  });
});

describe('pagingOf and listBody', () => {
  const filters = { status: 'ACTIVE' };

  it('defaults to 100 items ascending from the start', async () => {
    const paging = await pagingOf(listRequest({ status: 'ACTIVE' }), filters);
    expect(paging).toMatchObject({ limit: 100, ascending: true, cursor: undefined });
  });

  it('keeps lists without sort options in creation order, refusing other fields', async () => {
    expect(await pagingOf(listRequest({ sort_by: 'creation_time:desc' }), {})).toMatchObject({ sortBy: 'creation_time', ascending: false });
    await expect(pagingOf(listRequest({ sort_by: 'last_name:asc' }), {})).rejects.toThrow(
      expect.objectContaining({ ...badQuery, detail: expect.stringContaining('sort_by') }),
    );
  });

  it('passes the sort field of the list’s options through', async () => {
    expect(await pagingOf(listRequest({ sort_by: 'last_updated_time:desc' }), {}, PERSON_SORTS)).toMatchObject({
      sortBy: 'last_updated_time',
      ascending: false,
    });
  });

  it('omits next_page_token when there are no more rows', async () => {
    const request = listRequest({});
    const { scope } = await pagingOf(request, {});
    expect(listBody(request, 'customers', scope, { items: [1, 2] }, (n) => n * 10)).toEqual({ customers: [10, 20] });
  });

  it('hands out an opaque token that the next page of the same query accepts', async () => {
    const cursor = { pk: 'TENANT#tenant_a#PERSON#1', sk: 'PERSON' };
    const token = await tokenFor(listRequest({ status: 'ACTIVE', limit: '2' }), cursor);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(token, 'base64url').toString('latin1')).not.toContain('tenant_a');
    const next = listRequest({ status: 'ACTIVE', limit: '2', page_token: token });
    expect((await pagingOf(next, filters)).cursor).toEqual(cursor);
  });

  it('refuses that token with other filters, another sort, another list or another tenant', async () => {
    const token = await tokenFor(listRequest({ status: 'ACTIVE' }), { pk: 'p', sk: 's' });
    const refused = expect.objectContaining(badQuery);

    await expect(pagingOf(listRequest({ status: 'FROZEN', page_token: token }), { status: 'FROZEN' })).rejects.toThrow(refused);
    await expect(pagingOf(listRequest({ status: 'ACTIVE', sort_by: 'creation_time:desc', page_token: token }), filters)).rejects.toThrow(
      refused,
    );
    await expect(
      pagingOf(listRequest({ status: 'ACTIVE', sort_by: 'last_name:asc', page_token: token }), filters, PERSON_SORTS),
    ).rejects.toThrow(refused);
    await expect(pagingOf(listRequest({ status: 'ACTIVE', page_token: token }, 'tenant_a', 'listPersons'), filters)).rejects.toThrow(
      refused,
    );
    await expect(pagingOf(listRequest({ status: 'ACTIVE', page_token: token }, 'tenant_b'), filters)).rejects.toThrow(refused);
  });

  it('refuses a token from the same list under other path parameters (another account’s relationships)', async () => {
    const op = 'listAccountRelationships';
    const of = (account_id: string, query: Record<string, string> = {}) => listRequest(query, 'tenant_a', op, { account_id });
    const token = await tokenFor(of(ID_A), { pk: 'p', sk: 'REL#1' }, {});
    expect((await pagingOf(of(ID_A, { page_token: token }), {})).cursor).toEqual({ pk: 'p', sk: 'REL#1' });
    await expect(pagingOf(of(ID_B, { page_token: token }), {})).rejects.toThrow(expect.objectContaining(badQuery));
  });

  it('lets the page size change between pages', async () => {
    const token = await tokenFor(listRequest({ status: 'ACTIVE', limit: '5' }), { pk: 'p', sk: 's' });
    expect((await pagingOf(listRequest({ status: 'ACTIVE', limit: '50', page_token: token }), filters)).cursor).toEqual({
      pk: 'p',
      sk: 's',
    });
  });

  it('refuses to seal a page for a caller other than the one the scope was made for', async () => {
    const { scope } = await pagingOf(listRequest({}, 'tenant_a'), {});
    const answer = () => listBody(listRequest({}, 'tenant_b'), 'customers', scope, { items: [], cursor: { pk: 'p' } }, (x) => x);
    expect(answer).toThrow(/another caller/);
  });
});

describe('a list stored in another tenant’s partition (cross-tenant read)', () => {
  // Mappings live under the NEW bank and are read by the OLD one too: the store reads the new
  // bank's partition, so the cursor holds the new bank's keys, but the token is the caller's.
  const OLD = 'tenant_old';
  const NEW = 'tenant_new';
  const THIRD = 'tenant_third';
  const cursorInNewPartition = { pk: `TENANT#${NEW}#MAPPING#1`, sk: 'MAPPING', gsi1pk: `TENANT#${NEW}#MAPPINGS`, gsi1sk: '2024#1' };

  it('hands the caller (old bank) a token only the caller can resume, revealing nothing of the partition', async () => {
    const token = await tokenFor(listRequest({}, OLD), cursorInNewPartition, {});
    expect(Buffer.from(token, 'base64url').toString('latin1')).not.toMatch(/tenant_|MAPPING/);
    expect((await pagingOf(listRequest({ page_token: token }, OLD), {})).cursor).toEqual(cursorInNewPartition);
  });

  it('refuses the old bank’s token when the owning tenant (new bank) or a third tenant presents it', async () => {
    const token = await tokenFor(listRequest({}, OLD), cursorInNewPartition, {});
    await expect(pagingOf(listRequest({ page_token: token }, NEW), {})).rejects.toThrow(expect.objectContaining(badQuery));
    await expect(pagingOf(listRequest({ page_token: token }, THIRD), {})).rejects.toThrow(expect.objectContaining(badQuery));
  });

  it('refuses the owner’s own token to the old bank', async () => {
    const token = await tokenFor(listRequest({}, NEW), cursorInNewPartition, {});
    await expect(pagingOf(listRequest({ page_token: token }, OLD), {})).rejects.toThrow(expect.objectContaining(badQuery));
  });
});
