// Migration mappings and tradeline transfers, in the one route table (functions/routes.ts).
import { followsResourceType } from './permissions.js';
import { route, type Route } from './route.js';

export const MAPPING_ROUTES: readonly Route[] = [
  // Migration mappings (contract §10): the permission follows the mapped resource_type (PERSON
  // and BUSINESS customer:*, ACCOUNT account:*), checked by the operations.
  route('POST', '/v0/migration_mappings', 'mappings', 'createMigrationMapping', followsResourceType('write')),
  route('GET', '/v0/migration_mappings', 'mappings', 'listMigrationMappings', followsResourceType('read')),
  route('GET', '/v0/migration_mappings/{mapping_id}', 'mappings', 'getMigrationMapping', followsResourceType('read')),
  route('PATCH', '/v0/migration_mappings/{mapping_id}', 'mappings', 'patchMigrationMapping', followsResourceType('write')),
  route('DELETE', '/v0/migration_mappings/{mapping_id}', 'mappings', 'deleteMigrationMapping', followsResourceType('write')),
  // Bankline extension (not in Synctera's API): the tradeline transfer records credit-account
  // mappings write, read-only, each tenant its own side.
  route('GET', '/v0/credit_reporting/tradeline_transfers', 'mappings', 'listTradelineTransfers', 'account:read'),
  route('GET', '/v0/credit_reporting/tradeline_transfers/{tradeline_transfer_id}', 'mappings', 'getTradelineTransfer', 'account:read'),
];
