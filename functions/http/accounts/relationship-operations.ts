import {
  addRelationship,
  deleteRelationship,
  getRelationship,
  listRelationships,
  updateRelationship,
} from '../../accounts/relationships.js';
import { RELATIONSHIP_READ_ONLY, relationshipInput } from '../../accounts/schemas.js';
import { relationshipView } from '../../accounts/views.js';
import { withoutReadOnly } from '../../shared/schemas/common.js';
import { parseWith } from '../../shared/validation.js';
import { created, ok, type ApiRequest, type Operation } from '../api-request.js';
import { listBody, pagingOf, pagingQuery, parseQuery } from '../list-query.js';
import { accountsContext, pathId } from './context.js';

// `/accounts/{account_id}/relationships[/{relationship_id}]` (contract §4).

const ids = (request: ApiRequest) => ({ accountId: pathId(request, 'account_id'), id: pathId(request, 'relationship_id') });

const bodyOf = (request: ApiRequest) => parseWith(relationshipInput, withoutReadOnly(request.body, RELATIONSHIP_READ_ONLY));

const add: Operation = async (request) =>
  created(relationshipView(await addRelationship(accountsContext(request), pathId(request, 'account_id'), bodyOf(request))));

const get: Operation = async (request) => {
  const { accountId, id } = ids(request);
  return ok(relationshipView(await getRelationship(accountsContext(request), accountId, id)));
};

const put: Operation = async (request) => {
  const { accountId, id } = ids(request);
  return ok(relationshipView(await updateRelationship(accountsContext(request), accountId, id, bodyOf(request))));
};

const remove: Operation = async (request) => {
  const { accountId, id } = ids(request);
  const removed = await deleteRelationship(accountsContext(request), accountId, id);
  return ok({ id: removed.id, resource: 'relationship' });
};

const list: Operation = async (request) => {
  parseQuery(request, pagingQuery);
  const { scope, ...paging } = await pagingOf(request, {});
  const page = await listRelationships(accountsContext(request), pathId(request, 'account_id'), paging);
  return ok(listBody(request, 'relationships', scope, page, relationshipView));
};

export const relationshipOperations = { add, get, put, remove, list };
