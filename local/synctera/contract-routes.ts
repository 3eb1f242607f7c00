// Synctera routes that its OpenAPI 0.153 document (routes.generated.ts) lacks but Synctera's
// other references do: the migration mappings (v0/v2 API reference, contract §10.1) and the v2
// template PATCH (contract §5.1), and the v2 closure PATCH (contract §2.1). Bankline serves them as Synctera routes, not as extensions.
export const SYNCTERA_CONTRACT_ROUTES: readonly string[] = [
  'POST /v0/migration_mappings',
  'GET /v0/migration_mappings',
  'GET /v0/migration_mappings/{mapping_id}',
  'PATCH /v0/migration_mappings/{mapping_id}',
  'DELETE /v0/migration_mappings/{mapping_id}',
  'PATCH /v0/accounts/templates/{template_id}',
  'PATCH /v0/accounts/{account_id}/initiate_closure',
];
