import { type ApiCall, type ApiClient, callApi } from '../../helpers/api.js';
import { dynamoTenancyStore } from '../../../functions/adapters/dynamodb/tenancy-repository.js';
import { createOperatorKey } from '../../../functions/wiring/tenancy.js';

// Operator keys for the integration suites (issue 13): issued through the real use-case, and a
// client that names the tenant of each request in X-Bankline-Tenant.

export const issueOperatorKey = async (organizationId: string): Promise<{ apiKey: string; keyId: string }> => {
  const issued = await createOperatorKey(dynamoTenancyStore, { organizationId, description: 'integration test operator key' });
  return { apiKey: issued.api_key, keyId: issued.record.key_id };
};

/** An operator client acting in `tenantId` (undefined: no X-Bankline-Tenant header). */
export const operatorClient = (key: string, tenantId: string | undefined): ApiClient => {
  const send = <B>(call: ApiCall) =>
    callApi<B>({ ...call, key, headers: { ...(tenantId ? { 'X-Bankline-Tenant': tenantId } : {}), ...call.headers } });
  return {
    get: (path, query, extra = {}) => send({ method: 'GET', path, query, ...extra }),
    post: (path, body, extra = {}) => send({ method: 'POST', path, body, ...extra }),
    patch: (path, body, extra = {}) => send({ method: 'PATCH', path, body, ...extra }),
    put: (path, body, extra = {}) => send({ method: 'PUT', path, body, ...extra }),
    call: (call) => send({ ...call }),
  };
};
