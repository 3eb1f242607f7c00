// The request and response schema modules of every domain, for the OpenAPI document's component names.
import * as productRequests from '../accounts/product-schemas.js';
import * as accountResponses from '../accounts/response-schemas.js';
import * as accountRequests from '../accounts/schemas.js';
import * as templateRequests from '../accounts/template-schemas.js';
import * as closureRequests from '../closures/schemas.js';
import * as customerResponses from '../customers/response-schemas.js';
import * as customerRequests from '../customers/schemas.js';
import * as externalAccountResponses from '../external-accounts/response-schemas.js';
import * as externalAccountRequests from '../external-accounts/schemas.js';
import * as vendorRequests from '../external-accounts/vendor-schemas.js';
import * as ledgerResponses from '../ledger/response-schemas.js';
import * as ledgerRequests from '../ledger/schemas.js';
import * as mappingResponses from '../mappings/response-schemas.js';
import * as mappingRequests from '../mappings/schemas.js';
import * as operatorResponses from '../operator/response-schemas.js';
import * as webhookResponses from '../webhooks/response-schemas.js';
import * as webhookRequests from '../webhooks/schemas.js';

/**
 * Every exported schema of the request and response schema modules, so the document names its
 * components after them (`createPersonSchema` → `CreatePerson`). A new domain adds its two modules.
 */
export const SCHEMA_MODULES: Readonly<{ requests: readonly object[]; responses: readonly object[] }> = {
  requests: [
    customerRequests,
    accountRequests,
    templateRequests,
    productRequests,
    mappingRequests,
    ledgerRequests,
    externalAccountRequests,
    vendorRequests,
    webhookRequests,
    closureRequests,
  ],
  responses: [
    customerResponses,
    accountResponses,
    mappingResponses,
    ledgerResponses,
    externalAccountResponses,
    webhookResponses,
    operatorResponses,
  ],
};
